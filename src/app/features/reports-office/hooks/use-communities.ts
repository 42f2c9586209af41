import { useEffect, useState } from 'react';
import { reportsOfficeApi } from '../api/reports-office-api';

export type Community = { id: string; name: string };

/** The town's communities for the choice of one; without them a report is still the whole town's. */
export function useCommunities(): Community[] {
  const [communities, setCommunities] = useState<Community[]>([]);
  useEffect(() => {
    reportsOfficeApi
      .communities()
      .then(setCommunities)
      .catch(() => setCommunities([]));
  }, []);
  return communities;
}

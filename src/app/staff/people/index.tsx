import { PeopleAdmin } from '../../features/staff/components/people-admin';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffPeoplePage() {
  return (
    <PageShell>
      <PeopleAdmin />
    </PageShell>
  );
}

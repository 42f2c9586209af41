import { PeopleAdmin } from '../../features/staff/components/people-admin';
import { OfficeLinks } from '../../shared/ui/office-links';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffPeoplePage() {
  return (
    <PageShell>
      <OfficeLinks current="people" />
      <PeopleAdmin />
    </PageShell>
  );
}

import { OfficeLinks } from '../../features/feedback-office/components/office-links';
import { PeopleAdmin } from '../../features/staff/components/people-admin';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffPeoplePage() {
  return (
    <PageShell>
      <OfficeLinks current="people" />
      <PeopleAdmin />
    </PageShell>
  );
}

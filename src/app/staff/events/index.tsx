import { StaffEventList } from '../../features/events-office/components/staff-event-list';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffEventsPage() {
  return (
    <PageShell>
      <StaffEventList />
    </PageShell>
  );
}

import { Dashboard } from '../../features/reports-office/components/dashboard';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffDashboardPage() {
  return (
    <PageShell>
      <Dashboard />
    </PageShell>
  );
}

import { ReportExports } from '../../features/reports-office/components/report-exports';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffExportsPage() {
  return (
    <PageShell>
      <ReportExports />
    </PageShell>
  );
}

import { ReportQueue } from '../../features/quiz-office/components/report-queue';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffReportsPage() {
  return (
    <PageShell>
      <ReportQueue />
    </PageShell>
  );
}

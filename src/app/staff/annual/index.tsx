import { AnnualSummary } from '../../features/reports-office/components/annual-summary';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffAnnualPage() {
  return (
    <PageShell>
      <AnnualSummary />
    </PageShell>
  );
}

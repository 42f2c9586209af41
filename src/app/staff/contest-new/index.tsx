import { ContestForm } from '../../features/quiz-office/components/contest-form';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffContestNewPage() {
  return (
    <PageShell>
      <ContestForm />
    </PageShell>
  );
}

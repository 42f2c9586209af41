import { ContestList } from '../../../features/quiz-contest/components/contest-list';
import { PageShell } from '../../../shared/ui/page-shell';

export default function ContestListPage() {
  return (
    <PageShell>
      <ContestList />
    </PageShell>
  );
}

import { WrongBook } from '../../../features/quiz/components/wrong-book';
import { PageShell } from '../../../shared/ui/page-shell';

export default function WrongBookPage() {
  return (
    <PageShell>
      <WrongBook />
    </PageShell>
  );
}

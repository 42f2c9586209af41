import { QuizHome } from '../../features/quiz/components/quiz-home';
import { PageShell } from '../../shared/ui/page-shell';

/** 答题: a tab page, in the main package; every quiz screen it opens lives in packages/quiz. */
export default function QuizPage() {
  return (
    <PageShell>
      <QuizHome />
    </PageShell>
  );
}

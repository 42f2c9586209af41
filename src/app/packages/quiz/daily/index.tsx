import { DailyQuiz } from '../../../features/quiz/components/daily-quiz';
import { PageShell } from '../../../shared/ui/page-shell';

/** Shared cards open it as `?from=quiz`. */
export default function DailyQuizPage() {
  return (
    <PageShell>
      <DailyQuiz />
    </PageShell>
  );
}

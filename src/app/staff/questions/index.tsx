import { QuestionBank } from '../../features/quiz-office/components/question-bank';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffQuestionsPage() {
  return (
    <PageShell>
      <QuestionBank />
    </PageShell>
  );
}

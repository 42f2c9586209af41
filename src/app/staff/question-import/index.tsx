import { QuestionImport } from '../../features/quiz-office/components/question-import';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffQuestionImportPage() {
  return (
    <PageShell>
      <QuestionImport />
    </PageShell>
  );
}

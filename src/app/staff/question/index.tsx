import { useRouter } from '@tarojs/taro';
import { QuestionEditor } from '../../features/quiz-office/components/question-editor';
import { EmptyBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/** `?id=` names the question, as the bank and the corrections queue link to it. */
export default function StaffQuestionPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id ? <QuestionEditor id={params.id} /> : <EmptyBlock title="没有指明是哪一道题" description="请从题库打开" />}
    </PageShell>
  );
}

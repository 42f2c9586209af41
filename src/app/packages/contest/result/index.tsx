import { useRouter } from '@tarojs/taro';
import { ContestResultView } from '../../../features/quiz-contest/components/contest-result';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?id=&attempt=`: the paper just handed in. */
export default function ContestResultPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id && params.attempt ? (
        <ContestResultView contestId={params.id} attemptId={params.attempt} />
      ) : (
        <EmptyBlock title="没有找到这份成绩" />
      )}
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { ContestTake } from '../../../features/quiz-contest/components/contest-take';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?id=&attempt=`: the contest and the paper drawn for this person. */
export default function ContestTakePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id && params.attempt ? (
        <ContestTake contestId={params.id} attemptId={params.attempt} />
      ) : (
        <EmptyBlock title="没有找到这份答卷" description="请从竞赛页开始答题" />
      )}
    </PageShell>
  );
}

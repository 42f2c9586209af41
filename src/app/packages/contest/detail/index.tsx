import { useRouter } from '@tarojs/taro';
import { ContestDetailView } from '../../../features/quiz-contest/components/contest-detail';
import { useShareOpen } from '../../../shared/share/use-share-open';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?id=` names the contest, as the list and share cards (`&from=contest`, a grid worker's with `g` and `s`) link to it. */
export default function ContestDetailPage() {
  const { params } = useRouter();
  useShareOpen('contest', params.id, params);
  return (
    <PageShell>
      {params.id ? <ContestDetailView id={params.id} /> : <EmptyBlock title="没有指明是哪一场竞赛" description="请从知识竞赛列表打开" />}
    </PageShell>
  );
}

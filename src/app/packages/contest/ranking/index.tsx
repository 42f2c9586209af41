import { useRouter } from '@tarojs/taro';
import { ContestRanking } from '../../../features/quiz-contest/components/contest-ranking';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

export default function ContestRankingPage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <ContestRanking id={params.id} /> : <EmptyBlock title="没有指明是哪一场竞赛" />}</PageShell>;
}

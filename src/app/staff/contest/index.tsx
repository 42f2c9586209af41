import { useRouter } from '@tarojs/taro';
import { StaffContestResults } from '../../features/quiz-office/components/staff-contest-results';
import { EmptyBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/** `?id=` names the contest, as the contest list links to it. */
export default function StaffContestPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id ? <StaffContestResults id={params.id} /> : <EmptyBlock title="没有指明是哪一场竞赛" description="请从竞赛列表打开" />}
    </PageShell>
  );
}

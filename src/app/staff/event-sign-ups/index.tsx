import { useRouter } from '@tarojs/taro';
import { EventSignUps } from '../../features/events-office/components/event-sign-ups';
import { EmptyBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/** `?id=` names the event whose sign-ups to show. */
export default function StaffEventSignUpsPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id ? <EventSignUps id={params.id} /> : <EmptyBlock title="没有指明是哪一场活动" description="请从宣传活动列表打开" />}
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { CheckInCodeView } from '../../../features/events/components/check-in-code';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?id=` names the event whose check-in code to show. */
export default function CheckInCodePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id ? <CheckInCodeView id={params.id} /> : <EmptyBlock title="没有指明是哪一场活动" description="请从活动页打开" />}
    </PageShell>
  );
}

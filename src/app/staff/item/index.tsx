import { useRouter } from '@tarojs/taro';
import { FeedbackItem } from '../../features/feedback-office/components/feedback-item';
import { EmptyBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/** `?id=` names the item, as the inbox and agenda link to it. */
export default function StaffItemPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.id ? <FeedbackItem id={params.id} /> : <EmptyBlock title="没有指明是哪一条反馈" description="请从收件箱打开" />}
    </PageShell>
  );
}

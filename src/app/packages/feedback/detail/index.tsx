import { useRouter } from '@tarojs/taro';
import { FeedbackDetail } from '../../../features/feedback/components/feedback-detail';
import { PageShell } from '../../../shared/ui/page-shell';

export default function FeedbackDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <FeedbackDetail id={params.id ?? ''} />
    </PageShell>
  );
}

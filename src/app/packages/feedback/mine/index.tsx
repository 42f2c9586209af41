import { MyFeedbackList } from '../../../features/feedback/components/my-feedback-list';
import { PageShell } from '../../../shared/ui/page-shell';

export default function MyFeedbackPage() {
  return (
    <PageShell>
      <MyFeedbackList />
    </PageShell>
  );
}

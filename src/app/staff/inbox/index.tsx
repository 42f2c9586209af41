import { FeedbackInbox } from '../../features/feedback-office/components/feedback-inbox';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffInboxPage() {
  return (
    <PageShell>
      <FeedbackInbox />
    </PageShell>
  );
}

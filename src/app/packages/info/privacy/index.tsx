import { PrivacyNotice } from '../../../features/identity/components/privacy-notice';
import { PageShell } from '../../../shared/ui/page-shell';

export default function PrivacyPage() {
  return (
    <PageShell>
      <PrivacyNotice />
    </PageShell>
  );
}

import { ShareBoard } from '../../features/sharing/components/share-board';
import { OfficeLinks } from '../../shared/ui/office-links';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffShareBoardPage() {
  return (
    <PageShell>
      <ShareBoard />
      <OfficeLinks current="shares" />
    </PageShell>
  );
}

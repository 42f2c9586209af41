import { MyShares } from '../../../features/sharing/components/my-shares';
import { PageShell } from '../../../shared/ui/page-shell';

/** 我的分享: reached from 我的 by a grid worker. */
export default function MySharesPage() {
  return (
    <PageShell>
      <MyShares />
    </PageShell>
  );
}

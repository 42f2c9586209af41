import { MeScreen } from '../../features/identity/components/me-screen';
import { PageShell } from '../../shared/ui/page-shell';

export default function MePage() {
  return (
    <PageShell>
      <MeScreen />
    </PageShell>
  );
}

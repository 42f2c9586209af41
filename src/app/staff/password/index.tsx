import { ChangePassword } from '../../features/staff/components/change-password';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffPasswordPage() {
  return (
    <PageShell>
      <ChangePassword />
    </PageShell>
  );
}

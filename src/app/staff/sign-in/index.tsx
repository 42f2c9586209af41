import { StaffSignIn } from '../../features/staff/components/staff-sign-in';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffSignInPage() {
  return (
    <PageShell>
      <StaffSignIn />
    </PageShell>
  );
}

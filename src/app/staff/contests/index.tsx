import { StaffContestList } from '../../features/quiz-office/components/staff-contest-list';
import { PageShell } from '../../shared/ui/page-shell';

export default function StaffContestsPage() {
  return (
    <PageShell>
      <StaffContestList />
    </PageShell>
  );
}

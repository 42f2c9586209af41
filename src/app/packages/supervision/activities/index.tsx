import { MyActivities } from '../../../features/supervision/components/my-activities';
import { PageShell } from '../../../shared/ui/page-shell';

export default function SupervisionActivitiesPage() {
  return (
    <PageShell>
      <MyActivities />
    </PageShell>
  );
}

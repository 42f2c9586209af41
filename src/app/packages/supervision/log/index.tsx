import { ActivityForm } from '../../../features/supervision/components/activity-form';
import { PageShell } from '../../../shared/ui/page-shell';

export default function SupervisionLogPage() {
  return (
    <PageShell>
      <ActivityForm />
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { EventForm } from '../../features/events-office/components/event-form';
import { PageShell } from '../../shared/ui/page-shell';

/** Without `?id=` a new event; with it, that event's form. */
export default function StaffEventEditPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <EventForm id={params.id} />
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { SessionSummaryView } from '../../../features/feedback/components/session-summary-view';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** Opened from a shared card or the office's agenda: `?station=&date=`. */
export default function SessionSummaryPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.station && params.date ? (
        <SessionSummaryView stationId={params.station} date={params.date} />
      ) : (
        <EmptyBlock title="没有指明是哪一次接待日" />
      )}
    </PageShell>
  );
}

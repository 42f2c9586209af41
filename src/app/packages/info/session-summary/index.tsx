import { useRouter } from '@tarojs/taro';
import { SessionSummaryView } from '../../../features/feedback/components/session-summary-view';
import { useShareOpen } from '../../../shared/share/use-share-open';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** Opened from a shared card (with the sharer's `g` and `s`) or the office's agenda: `?station=&date=`. */
export default function SessionSummaryPage() {
  const { params } = useRouter();
  useShareOpen('summary', params.station && params.date ? `${params.station}/${params.date}` : null, params);
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

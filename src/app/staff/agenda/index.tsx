import { useRouter } from '@tarojs/taro';
import { SessionAgenda } from '../../features/feedback-office/components/session-agenda';
import { EmptyBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/** `?station=&date=` name the session (its date as the station's rule gave it). */
export default function StaffAgendaPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      {params.station && params.date ? (
        <SessionAgenda stationId={params.station} date={params.date} />
      ) : (
        <EmptyBlock title="没有指明是哪一次接待日" description="请从收件箱或反馈详情进入" />
      )}
    </PageShell>
  );
}

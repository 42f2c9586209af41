import { useRouter } from '@tarojs/taro';
import { SessionHome } from '../../features/sessions/components/session-home';
import { PageShell } from '../../shared/ui/page-shell';

/** 首页: a shared card may name a station (`?station=`); otherwise the town's first one is shown. */
export default function HomePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <SessionHome stationId={params.station || undefined} />
    </PageShell>
  );
}

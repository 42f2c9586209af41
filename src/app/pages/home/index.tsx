import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { SessionHome } from '../../features/sessions/components/session-home';
import { PAGES } from '../../shared/pages';
import { MomentsBanner, OutsideMoments } from '../../shared/share/moments';
import { useSharedQuery } from '../../shared/share/use-shared-query';
import { useShareOpen } from '../../shared/share/use-share-open';
import { LoadingBlock } from '../../shared/ui/query-states';
import { PageShell } from '../../shared/ui/page-shell';

/**
 * 首页: a shared card or poster may name a station (`?station=`, with the session's `date` and the
 * sharer's `g` and `s`, or a poster code's `scene`); otherwise the town's first one is shown.
 */
export default function HomePage() {
  const { params } = useRouter();
  const query = useSharedQuery(params);
  useShareOpen('session', query?.station && query.date ? `${query.station}/${query.date}` : null, query ?? {});
  return (
    <PageShell>
      <MomentsBanner />
      {query ? <SessionHome stationId={query.station || undefined} /> : <LoadingBlock />}
      <OutsideMoments>
        <CellGroup>
          <Cell
            title="公开信息"
            description="本年度办理数据、接待日小结、联系电话"
            clickable
            onClick={() => void Taro.navigateTo({ url: PAGES.transparency })}
          />
        </CellGroup>
      </OutsideMoments>
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { SHARE_KINDS, type ShareKind } from '@core/sharing/schemas';
import { SharePoster } from '../../../features/sharing/components/share-poster';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/** The mini-program hands query values over still encoded, the browser decoded: either reads right. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

const isShareKind = (kind: string | undefined): kind is ShareKind => SHARE_KINDS.includes(kind as ShareKind);

/** `?kind=&itemId=&title=&time=&place=`: the page that offers the poster says what goes on it. */
export default function SharePosterPage() {
  const { params } = useRouter();
  const { kind, itemId, title, time, place } = params;
  return (
    <PageShell>
      {isShareKind(kind) && itemId && title ? (
        <SharePoster
          kind={kind}
          itemId={decoded(itemId)}
          content={{ title: decoded(title), time: decoded(time), place: decoded(place) }}
        />
      ) : (
        <EmptyBlock title="没有指明要做哪张海报" description="请从活动或首页的“生成海报”打开" />
      )}
    </PageShell>
  );
}

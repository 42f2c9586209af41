import { useRouter } from '@tarojs/taro';
import { EventDetailView } from '../../../features/events/components/event-detail';
import { MomentsBanner } from '../../../shared/share/moments';
import { useSharedQuery } from '../../../shared/share/use-shared-query';
import { cardSharerOf, useShareOpen } from '../../../shared/share/use-share-open';
import { EmptyBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/**
 * `?id=` names the event, as the 活动 list links to it; a shared card adds the sharer's `g` and `s`,
 * and a poster's mini-program code carries only a `scene` that stands for all of them.
 */
export default function EventDetailPage() {
  const { params } = useRouter();
  const query = useSharedQuery(params);
  useShareOpen('event', query?.id, query ?? {});
  return (
    <PageShell>
      <MomentsBanner />
      {!query ? (
        <LoadingBlock />
      ) : query.id ? (
        <EventDetailView id={query.id} sharedBy={cardSharerOf(query)} />
      ) : (
        <EmptyBlock title="没有指明是哪一场活动" description="请从活动列表打开" />
      )}
    </PageShell>
  );
}

import { EventsHome } from '../../features/events/components/events-home';
import { PAGES } from '../../shared/pages';
import { MomentsBanner } from '../../shared/share/moments';
import { useShareCard } from '../../shared/share/use-share-card';
import { PageShell } from '../../shared/ui/page-shell';

/** 活动: a tab page, in the main package; an event's own page lives in packages/events. */
export default function EventsPage() {
  useShareCard({ title: '法治宣传活动：最近有什么，在哪里，怎么报名', page: PAGES.events, query: {}, withoutSharer: true });
  return (
    <PageShell>
      <MomentsBanner />
      <EventsHome />
    </PageShell>
  );
}

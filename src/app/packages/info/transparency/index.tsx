import { useRouter } from '@tarojs/taro';
import { TransparencyView } from '../../../features/transparency/components/transparency-view';
import { MomentsBanner } from '../../../shared/share/moments';
import { PageShell } from '../../../shared/ui/page-shell';

/** Opened from 首页 (this year) or a shared card, whose `?year=` names the year it showed. */
export default function TransparencyPage() {
  const { params } = useRouter();
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : null;
  return (
    <PageShell>
      <MomentsBanner />
      <TransparencyView initialYear={year} />
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { FeedbackForm } from '../../features/feedback/components/feedback-form';
import { PageShell } from '../../shared/ui/page-shell';

/** 监督: a station's QR code opens it as `?station=<id>&onSite=1`. */
export default function FeedbackPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <FeedbackForm stationId={params.station || undefined} onSite={params.onSite === '1'} />
    </PageShell>
  );
}

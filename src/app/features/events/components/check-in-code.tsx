import { View } from '@tarojs/components';
import { create } from 'qrcode';
import { useCallback } from 'react';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { useQuery } from '../../../shared/hooks/use-query';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { eventsApi } from '../api/events-api';
import './events.scss';

/** The code's QR as rows of dark and light modules, drawn with plain views (no canvas to wait for). */
function QrModules({ text }: { text: string }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows = Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => modules.get(row, column)));
  return (
    <View className="check-in-code__qr" aria-hidden="true">
      {rows.map((row, rowIndex) => (
        <View key={rowIndex} className="check-in-code__qr-row">
          {row.map((dark, columnIndex) => (
            <View key={columnIndex} className={dark ? 'check-in-code__module check-in-code__module--dark' : 'check-in-code__module'} />
          ))}
        </View>
      ))}
    </View>
  );
}

/** 我的签到码: shown to the office's staff at the event, who scan it or type it. */
export function CheckInCodeView({ id }: { id: string }) {
  const { data: code, problem, reload } = useQuery(useCallback(() => eventsApi.checkInCode(id), [id]));

  if (!code) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void reload()} />;
    return <LoadingBlock />;
  }
  return (
    <View className="check-in-code">
      <View className="check-in-code__hint">到场后请出示给工作人员扫码，或念出签到码</View>
      <QrModules text={code.code} />
      <View className="check-in-code__text" aria-label="签到码">
        {code.code}
      </View>
      <View className="check-in-code__expires">有效期至 {dateTimeLabel(code.expiresAt)}</View>
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { shanghaiYearOf } from '@core/reports/period';
import { TransparencySchema, type Transparency } from '@core/reports/schemas';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { PAGES } from '../../../shared/pages';
import { ShareButton } from '../../../shared/share/share-button';
import { useShareCard } from '../../../shared/share/use-share-card';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { SessionSummaryCard } from '../../../shared/ui/session-summary-card';
import { fetchTransparency } from '../api/transparency-api';
import './transparency-view.scss';

/** The oldest year the server answers for (its year schema). */
const FIRST_YEAR = 2000;

function readCache(stored: unknown): Transparency | null {
  const parsed = TransparencySchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

function callHotline(hotline: string) {
  // Closing the dialer without calling is no failure worth a word.
  Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined);
}

function copyEmail(email: string) {
  Taro.setClipboardData({ data: email })
    .then(() => Taro.showToast({ title: '邮箱地址已复制', icon: 'none' }))
    .catch(() => Taro.showToast({ title: '复制没有成功，请记下邮箱地址', icon: 'none' }));
}

function Contact({ contact }: { contact: Transparency['contact'] }) {
  const { hotline, email } = contact;
  if (!hotline && !email) return <View className="transparency__pending">联系方式待公布</View>;
  return (
    <>
      {hotline && (
        <View className="transparency__contact" role="button" aria-label={`拨打热线电话 ${hotline}`} onClick={() => callHotline(hotline)}>
          <View className="transparency__contact-kind">热线电话</View>
          <View className="transparency__contact-value">{hotline}</View>
          <View className="transparency__contact-action">点击拨打</View>
        </View>
      )}
      {email && (
        <View className="transparency__contact" role="button" aria-label={`复制电子信箱 ${email}`} onClick={() => copyEmail(email)}>
          <View className="transparency__contact-kind">电子信箱</View>
          <View className="transparency__contact-value">{email}</View>
          <View className="transparency__contact-action">点击复制</View>
        </View>
      )}
    </>
  );
}

/**
 * 公开信息: a year's anonymised figures as the town's rule-of-law report words them, the session
 * summaries published that year, and how to reach the office. Anyone may read it; nobody signs in.
 */
export function TransparencyView({ initialYear }: { initialYear: number | null }) {
  // null: the server's this year, so that a phone with a wrong clock still opens on the right one.
  const [year, setYear] = useState<number | null>(initialYear);
  const { data, error, loading, reload } = useCachedQuery<Transparency>({
    cacheKey: `transparency.${year ?? 'current'}`,
    load: () => fetchTransparency(year),
    readCache,
  });
  const shownYear = data?.year ?? year;
  // 下一年 stops at this year: the server's, once its answer for "this year" has said which; until then the phone's.
  const [serverYear, setServerYear] = useState<number | null>(null);
  useEffect(() => {
    // A copy kept from an earlier visit may be of a year gone by: only a fresh answer says.
    if (year === null && data && !loading && !error) setServerYear(data.year);
  }, [year, data, loading, error]);
  const thisYear = serverYear ?? shanghaiYearOf(new Date());

  const { path } = useShareCard({
    title: data ? `${data.town}${data.year}年法治工作公开信息` : '法治工作公开信息',
    page: PAGES.transparency,
    query: shownYear === null ? {} : { year: String(shownYear) },
    // Nothing counts the opens of this page, so its card names no sharer.
    withoutSharer: true,
  });

  if (!data) {
    if (loading) return <LoadingBlock />;
    return <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />;
  }

  return (
    <View className="transparency">
      {error && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      <View className="transparency__head">
        <View className="transparency__title">{data.town}法治工作公开信息</View>
        <View className="transparency__office">{data.office}</View>
      </View>

      <View className="transparency__years" aria-label="选择年份">
        <Button size="large" fill="outline" disabled={data.year <= FIRST_YEAR} onClick={() => setYear(data.year - 1)}>
          上一年
        </Button>
        <View className="transparency__year">{data.year}年</View>
        <Button size="large" fill="outline" disabled={data.year >= thisYear} onClick={() => setYear(data.year + 1)}>
          下一年
        </Button>
      </View>

      <View className="transparency__section" aria-label="年度数据">
        <View className="transparency__section-title">{data.year}年主要数据</View>
        {data.figures.map((figure) => (
          <View key={figure.key} className="transparency__figure" aria-label={figure.label}>
            <Text className="transparency__figure-label">{figure.label}</Text>
            <View>
              <Text className="transparency__figure-value">{figure.value}</Text>
              <Text className="transparency__figure-unit">{figure.unit}</Text>
            </View>
          </View>
        ))}
        <View className="transparency__note">数据由系统按记录自动统计，不含任何个人信息。</View>
      </View>

      <View className="transparency__section" aria-label="联系方式">
        <View className="transparency__section-title">联系{data.office}</View>
        <Contact contact={data.contact} />
      </View>

      <View className="transparency__section" aria-label="本年接待日小结">
        <View className="transparency__section-title">{data.year}年接待日小结</View>
        {data.sessions.length === 0 && <View className="transparency__pending">这一年还没有发布接待日小结</View>}
        {data.sessions.map((summary) => (
          <View key={`${summary.stationId}/${summary.date}`} className="transparency__session">
            <View className="transparency__session-head">
              {summary.stationName} · {sessionDayLabel(summary.date)}
            </View>
            <SessionSummaryCard summary={summary} />
          </View>
        ))}
      </View>

      <View className="transparency__share">
        <ShareButton path={path} label="分享公开信息" />
      </View>
    </View>
  );
}

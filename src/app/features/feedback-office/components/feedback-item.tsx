import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { FEEDBACK_KIND_LABELS, type StaffFeedbackDetail } from '@core/feedback/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { sessionKeyLabel, sessionLabel } from '../../../shared/format/session-label';
import { PAGES } from '../../../shared/pages';
import { openMap } from '../../../shared/platform/open-map';
import { agendaUrl } from '../../../shared/ui/office-links';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { officeApi } from '../api/office-api';
import { shortId } from '../format';
import { FeedbackTags } from './feedback-tags';
import { ItemActions } from './item-actions';
import { ItemHistory } from './item-history';
import { StaffPhotos } from './staff-photos';
import '../../../shared/ui/office-page.scss';
import './feedback-office.scss';

const openItem = (id: string) => void Taro.navigateTo({ url: `${PAGES.staffItem}?id=${id}` });

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="item-line">
      <Text className="item-line__label">{label}</Text>
      <View className="item-line__value">{children}</View>
    </View>
  );
}

/** One item as the office handles it: what was raised, by whom as far as the office may know, and its history. */
export function FeedbackItem({ id }: { id: string }) {
  const [item, setItem] = useState<StaffFeedbackDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setItem(await officeApi.item(id));
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!item) return <LoadingBlock />;

  const { place, session } = item;
  return (
    <View className="office-page feedback-item">
      <View className="feedback-item__head">
        <Text className="office-page__title">反馈 {shortId(item.id)}</Text>
        <FeedbackTags item={item} />
      </View>

      <View className="office-card">
        <View className="feedback-item__kind">
          {FEEDBACK_KIND_LABELS[item.kind]} · {item.categoryName}
        </View>
        <View className="feedback-item__content">{item.content}</View>
        <StaffPhotos photoIds={item.photos.map((photo) => photo.id)} />
        <Line label="提交人">{item.submitter}</Line>
        {item.mobileMasked && <Line label="联系电话">{item.mobileMasked}</Line>}
        {item.enforcementUnit && <Line label="执法单位">{item.enforcementUnit}</Line>}
        {item.caseReference && <Line label="案件编号">{item.caseReference}</Line>}
        {place && (
          <Line label="地点">
            <Text>{place.name}</Text>
            {place.latitude !== null && place.longitude !== null && (
              <Button
                size="small"
                fill="none"
                onClick={() =>
                  void openMap({ name: place.name, address: place.name, latitude: place.latitude!, longitude: place.longitude! }).catch(() =>
                    Taro.showToast({ title: '地图没有打开，请稍后再试', icon: 'none' }),
                  )
                }
              >
                查看位置
              </Button>
            )}
          </Line>
        )}
        {item.incidentAt && <Line label="事发时间">{item.incidentAt.replace('T', ' ')}</Line>}
        <Line label="提交时间">{dateTimeLabel(item.submittedAt)}</Line>
        <Line label="答复期限">
          <Text className={item.overdue ? 'feedback-row__due--overdue' : undefined}>
            {item.replyDue}
            {item.overdue && '（已超期）'}
          </Text>
        </Line>
        <Line label="接待日">
          <Text className="item-line__link" onClick={() => void Taro.navigateTo({ url: agendaUrl(session.stationId, session.originalDate) })}>
            {sessionLabel(session)}
          </Text>
          {item.carriedFrom && <Text>（由 {sessionKeyLabel(item.carriedFrom)} 接待日转入）</Text>}
        </Line>
        {item.duplicateOf && (
          <Line label="重复于">
            <Text className="item-line__link" onClick={() => openItem(item.duplicateOf!)}>
              编号 {shortId(item.duplicateOf)}
            </Text>
          </Line>
        )}
        {item.duplicates.length > 0 && (
          <Line label="重复反馈">
            {item.duplicates.map((duplicate) => (
              <Text key={duplicate} className="item-line__link" onClick={() => openItem(duplicate)}>
                编号 {shortId(duplicate)}{' '}
              </Text>
            ))}
          </Line>
        )}
        {item.rating && (
          <Line label="评价">
            {item.rating.stars} 星{item.rating.comment ? `：${item.rating.comment}` : ''}
          </Line>
        )}
      </View>

      <View className="office-page__section">办理</View>
      <View className="office-card">
        <ItemActions item={item} onChanged={setItem} onStale={() => void load()} />
      </View>

      <View className="office-page__section">办理记录</View>
      <View className="office-card">
        <ItemHistory events={item.events} />
      </View>
    </View>
  );
}

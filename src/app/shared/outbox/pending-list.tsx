import { Button, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { OutboxEntry, OutboxView, PhoneOutbox } from './phone-outbox';
import './pending-list.scss';

interface PendingListProps<B extends { clientId: string }, E extends OutboxEntry<B>> {
  /** What the entries are, for the list's name and the questions asked: 反馈, 记录. */
  what: string;
  entries: OutboxView<E>[];
  outbox: Pick<PhoneOutbox<B, E, unknown>, 'send' | 'discard'>;
  /** Beside the 待发送 tag: the entry's kind or date. */
  head: (entry: E) => ReactNode;
  /** Under it: the entry's own words and where it is going. */
  details: (entry: E) => ReactNode;
  /** In place of 重新发送 on a refused entry: where to change it. Without it, a refused entry can only be deleted. */
  refusedAction?: (entry: E) => ReactNode;
}

/** What is saved on this phone and has not reached the office yet, each with 重新发送 and 删除. */
export function PendingList<B extends { clientId: string }, E extends OutboxEntry<B>>({
  what,
  entries,
  outbox,
  head,
  details,
  refusedAction,
}: PendingListProps<B, E>) {
  if (entries.length === 0) return null;

  async function resend(clientId: string) {
    const outcome = await outbox.send(clientId);
    if (outcome.kind === 'sent') Taro.showToast({ title: '已发送', icon: 'success' });
  }

  async function confirmDiscard(clientId: string) {
    const { confirm } = await Taro.showModal({
      title: `删除这条${what}？`,
      content: '删除后它不会再发送，也无法找回。',
      confirmText: '删除',
      cancelText: '保留',
    });
    if (confirm) outbox.discard(clientId);
  }

  return (
    <View className="pending-list" aria-label={`待发送的${what}`}>
      <View className="pending-list__title">待发送（{entries.length}）</View>
      {entries.map((entry) => {
        const { clientId } = entry.body;
        return (
          <View key={clientId} className="pending-card">
            <View className="pending-card__head">
              {entry.refusal ? <Tag type="danger">未能提交</Tag> : <Tag type="warning">待发送</Tag>}
              <View className="pending-card__kind">{head(entry)}</View>
            </View>
            {details(entry)}
            {entry.refusal ? (
              <View className="pending-card__problem" role="alert">
                {entry.refusal}
              </View>
            ) : (
              <View className="pending-card__note">
                {entry.lastProblem ? `${entry.lastProblem}。` : ''}已保存在手机上，有网络时会自动发送。
              </View>
            )}
            <View className="pending-card__actions">
              {entry.refusal ? (
                refusedAction?.(entry)
              ) : (
                <Button type="primary" size="large" loading={entry.sending} disabled={entry.sending} onClick={() => void resend(clientId)}>
                  {entry.sending ? '正在发送' : '重新发送'}
                </Button>
              )}
              <Button fill="outline" size="large" disabled={entry.sending} onClick={() => void confirmDiscard(clientId)}>
                删除
              </Button>
            </View>
          </View>
        );
      })}
    </View>
  );
}

import { Button, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FEEDBACK_KIND_LABELS } from '@core/feedback/schemas';
import { instantLabel } from '../format';
import {
  discardPendingSubmission,
  sendPendingSubmission,
  type PendingSubmission,
  type PendingView,
} from '../pending-submissions';

interface Props {
  entries: PendingView[];
  /** Where a refused submission can be changed; without it, the card says where to go. */
  onEdit?: (entry: PendingSubmission) => void;
}

const EXCERPT_LENGTH = 40;

async function resend(clientId: string) {
  const outcome = await sendPendingSubmission(clientId);
  if (outcome.kind === 'sent') Taro.showToast({ title: '已发送', icon: 'success' });
}

async function confirmDiscard(clientId: string) {
  const { confirm } = await Taro.showModal({
    title: '删除这条反馈？',
    content: '删除后它不会再发送，也无法找回。',
    confirmText: '删除',
    cancelText: '保留',
  });
  if (confirm) discardPendingSubmission(clientId);
}

/** Submissions saved on this phone that have not reached the office yet. */
export function PendingSubmissionList({ entries, onEdit }: Props) {
  if (entries.length === 0) return null;
  return (
    <View className="pending-list" aria-label="待发送的反馈">
      <View className="pending-list__title">待发送（{entries.length}）</View>
      {entries.map((entry) => {
        const { body } = entry;
        const excerpt = body.content.length > EXCERPT_LENGTH ? `${body.content.slice(0, EXCERPT_LENGTH)}…` : body.content;
        return (
          <View key={body.clientId} className="pending-card">
            <View className="pending-card__head">
              {entry.refusal ? <Tag type="danger">未能提交</Tag> : <Tag type="warning">待发送</Tag>}
              <View className="pending-card__kind">{FEEDBACK_KIND_LABELS[body.kind]}</View>
            </View>
            <View className="pending-card__excerpt">{excerpt}</View>
            {entry.sessionLabel && <View className="pending-card__meta">将提交至 {entry.sessionLabel}</View>}
            <View className="pending-card__meta">保存于 {instantLabel(entry.savedAt)}</View>
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
                onEdit ? (
                  <Button type="primary" size="large" onClick={() => onEdit(entry)}>
                    修改
                  </Button>
                ) : (
                  <View className="pending-card__note">请到“监督”页修改后再发送</View>
                )
              ) : (
                <Button
                  type="primary"
                  size="large"
                  loading={entry.sending}
                  disabled={entry.sending}
                  onClick={() => void resend(body.clientId)}
                >
                  {entry.sending ? '正在发送' : '重新发送'}
                </Button>
              )}
              <Button fill="outline" size="large" disabled={entry.sending} onClick={() => void confirmDiscard(body.clientId)}>
                删除
              </Button>
            </View>
          </View>
        );
      })}
    </View>
  );
}

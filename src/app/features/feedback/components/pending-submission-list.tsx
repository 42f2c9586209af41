import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { FEEDBACK_KIND_LABELS } from '@core/feedback/schemas';
import type { OutboxView } from '../../../shared/outbox/phone-outbox';
import { PendingList } from '../../../shared/outbox/pending-list';
import { instantLabel } from '../format';
import { feedbackOutbox, type PendingSubmission } from '../pending-submissions';

interface Props {
  entries: OutboxView<PendingSubmission>[];
  /** Where a refused submission can be changed; without it, the card says where to go. */
  onEdit?: (entry: PendingSubmission) => void;
}

const EXCERPT_LENGTH = 40;

const excerptOf = (content: string) => (content.length > EXCERPT_LENGTH ? `${content.slice(0, EXCERPT_LENGTH)}…` : content);

/** Submissions saved on this phone that have not reached the office yet. */
export function PendingSubmissionList({ entries, onEdit }: Props) {
  return (
    <PendingList
      what="反馈"
      entries={entries}
      outbox={feedbackOutbox}
      head={(entry) => FEEDBACK_KIND_LABELS[entry.body.kind]}
      details={(entry) => (
        <>
          <View className="pending-card__excerpt">{excerptOf(entry.body.content)}</View>
          {entry.sessionLabel && <View className="pending-card__meta">将提交至 {entry.sessionLabel}</View>}
          <View className="pending-card__meta">保存于 {instantLabel(entry.savedAt)}</View>
        </>
      )}
      refusedAction={(entry) =>
        onEdit ? (
          <Button type="primary" size="large" onClick={() => onEdit(entry)}>
            修改
          </Button>
        ) : (
          <View className="pending-card__note">请到“监督”页修改后再发送</View>
        )
      }
    />
  );
}

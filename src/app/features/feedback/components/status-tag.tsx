import { Tag } from '@nutui/nutui-react-taro';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@core/feedback/workflow';

const TAG_TYPES: Record<FeedbackStatus, 'warning' | 'primary' | 'success' | 'default' | 'danger'> = {
  pending: 'warning',
  accepted: 'primary',
  replied: 'success',
  closed: 'default',
  rejected: 'danger',
};

export function StatusTag({ status }: { status: FeedbackStatus }) {
  return <Tag type={TAG_TYPES[status]}>{FEEDBACK_STATUS_LABELS[status]}</Tag>;
}

import { Tag } from '@nutui/nutui-react-taro';
import type { Contest } from '@core/quiz/schemas';
import { CONTEST_STATUS_LABELS } from '../format/contest-labels';

const TAG_TYPES = { open: 'success', upcoming: 'warning', ended: 'default' } as const;

export function ContestStatusTag({ status }: { status: Contest['status'] }) {
  return <Tag type={TAG_TYPES[status]}>{CONTEST_STATUS_LABELS[status]}</Tag>;
}

import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { StaffQuestion } from '@core/quiz/schemas';
import { placeLabel, QUESTION_TYPE_LABELS } from '../../../shared/format/quiz-labels';
import { SOURCE_LABELS } from '../format';

/** One question in the bank's list: enough to recognise it and see whether it needs attention. */
export function QuestionRow({ question, onOpen }: { question: StaffQuestion; onOpen: (id: string) => void }) {
  return (
    <View className="office-card quiz-office__row" role="listitem" aria-label={`题目 ${question.id}`} onClick={() => onOpen(question.id)}>
      <View className="quiz-office__row-head">
        <View className="quiz-office__id">{question.id}</View>
        <Tag type="primary" plain>
          {QUESTION_TYPE_LABELS[question.type]}
        </Tag>
        {question.source !== 'bank' && <Tag plain>{SOURCE_LABELS[question.source]}</Tag>}
        {question.retired && <Tag type="default">已停用</Tag>}
        {question.openReports > 0 && <Tag type="danger">纠错 {question.openReports}</Tag>}
      </View>
      <View className="quiz-office__stem">{question.stem}</View>
      <View className="quiz-office__meta">
        {placeLabel(question.law, question.book)}
        {question.chapter ? ` · ${question.chapter}` : ''}
      </View>
    </View>
  );
}

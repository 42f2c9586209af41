import { Button, Checkbox, Radio, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { QuizQuestion } from '@core/quiz/schemas';
import { optionLetter, QUESTION_TYPE_LABELS } from '../format/quiz-labels';
import './question-view.scss';

interface Props {
  question: QuizQuestion;
  /** Indexes of the chosen options, in the order shown. */
  chosen: readonly number[];
  onChange: (chosen: number[]) => void;
  disabled?: boolean;
}

/** One question to answer: 单选 as radio buttons, 多选 as check boxes, 判断 as two big buttons. */
export function QuestionView({ question, chosen, onChange, disabled = false }: Props) {
  return (
    <View className="question-view">
      <View className="question-view__type">
        <Tag type="primary" plain>
          {QUESTION_TYPE_LABELS[question.type]}
        </Tag>
        {question.type === 'multiple' && <View className="question-view__hint">选出所有正确的选项，少选、多选都算错</View>}
      </View>
      <View className="question-view__stem">{question.stem}</View>
      {question.type === 'true_false' && (
        <View className="question-view__verdicts">
          {question.options.map((option, index) => (
            <Button
              key={option}
              className="question-view__verdict"
              type={chosen.includes(index) ? 'primary' : 'default'}
              fill={chosen.includes(index) ? 'solid' : 'outline'}
              size="large"
              disabled={disabled}
              onClick={() => onChange([index])}
            >
              {option}
            </Button>
          ))}
        </View>
      )}
      {question.type === 'single' && (
        <Radio.Group
          className="question-view__options"
          value={chosen.length ? String(chosen[0]) : ''}
          direction="vertical"
          disabled={disabled}
          onChange={(value) => onChange([Number(value)])}
        >
          {question.options.map((option, index) => (
            <Radio key={option} className="question-view__option" value={String(index)} shape="button">
              {optionLetter(index)}. {option}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {question.type === 'multiple' && (
        <Checkbox.Group
          className="question-view__options"
          value={chosen.map(String)}
          direction="vertical"
          disabled={disabled}
          onChange={(values) => onChange(values.map(Number).sort((a, b) => a - b))}
        >
          {question.options.map((option, index) => (
            <Checkbox key={option} className="question-view__option" value={String(index)} shape="button">
              {optionLetter(index)}. {option}
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </View>
  );
}

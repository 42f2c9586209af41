import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { openArticle } from '../cited-articles';
import { choiceLabel, LAW_NAMES, optionLetter, QUESTION_TYPE_LABELS } from '../format/quiz-labels';
import { ReportQuestionForm } from './report-question-form';
import './reviewed-answer-card.scss';

function optionMark(index: number, answer: ReviewedAnswer): { className: string; note: string | null } {
  const right = answer.answer.includes(index);
  const chosen = answer.chosen.includes(index);
  if (right) return { className: 'reviewed-option--right', note: chosen ? '✓ 您选对了' : '✓ 正确答案' };
  if (chosen) return { className: 'reviewed-option--wrong', note: '✗ 您的选择' };
  return { className: '', note: null };
}

interface Props {
  answer: ReviewedAnswer;
  /** 1-based place in a quiz of several questions; none for a single practice question. */
  position?: number;
}

/**
 * One answered question after scoring: what was chosen and what is right, why, and the text of the
 * articles it rests on, each of which opens in full. Also used by the contest's result page.
 */
export function ReviewedAnswerCard({ answer, position }: Props) {
  const { question } = answer;
  return (
    <View className={`reviewed-answer ${answer.correct ? 'reviewed-answer--right' : 'reviewed-answer--wrong'}`}>
      <View className="reviewed-answer__head">
        <Tag type={answer.correct ? 'success' : 'danger'}>{answer.correct ? '答对了' : '答错了'}</Tag>
        <View className="reviewed-answer__kind">
          {position ? `第 ${position} 题 · ` : ''}
          {QUESTION_TYPE_LABELS[question.type]}
        </View>
      </View>
      <View className="reviewed-answer__stem">{question.stem}</View>
      <View className="reviewed-answer__options">
        {question.options.map((option, index) => {
          const mark = optionMark(index, answer);
          return (
            <View key={option} className={`reviewed-option ${mark.className}`}>
              <View className="reviewed-option__text">
                {question.type === 'true_false' ? option : `${optionLetter(index)}. ${option}`}
              </View>
              {mark.note && <View className="reviewed-option__note">{mark.note}</View>}
            </View>
          );
        })}
      </View>
      <View className="reviewed-answer__choices">
        <View>您的答案：{choiceLabel(question, answer.chosen)}</View>
        <View className="reviewed-answer__right">正确答案：{choiceLabel(question, answer.answer)}</View>
      </View>
      <View className="reviewed-answer__section" aria-label="解析">
        <View className="reviewed-answer__section-title">解析</View>
        <View className="reviewed-answer__explanation">{answer.explanation}</View>
      </View>
      {answer.articles.map((article) => (
        <View key={`${article.law}-${article.no}`} className="cited-article" aria-label="法条原文">
          <View className="cited-article__label">
            {LAW_NAMES[article.law]} {article.label}
          </View>
          <View className="cited-article__text">{article.text}</View>
          <View className="cited-article__open" role="link" onClick={() => openArticle(article)}>
            阅读{article.label}全文 ›
          </View>
        </View>
      ))}
      <ReportQuestionForm questionId={question.id} />
    </View>
  );
}

import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../../../shared/api/api-client';
import { LAW_NAMES, placeLabel, QUESTION_TYPE_LABELS, type Law } from '../../../shared/format/quiz-labels';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchWrongBook, type PracticeScope, type WrongBook as WrongBookData } from '../api/quiz-api';
import { practiceUrl } from './practice-scopes';
import './quiz.scss';

function practise(scope: PracticeScope, title: string) {
  void Taro.navigateTo({ url: practiceUrl({ ...scope, wrongOnly: true }, title) });
}

/** 错题本: every question answered wrongly, by book, to practise until answered right. */
export function WrongBook() {
  const [book, setBook] = useState<WrongBookData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setBook(await fetchWrongBook());
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from practising, what was answered right has left the book.
  useReloadOnReturn(load);

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!book) return <LoadingBlock />;

  const total = book.groups.reduce((sum, group) => sum + group.questions.length, 0);
  if (total === 0) {
    return <EmptyBlock title="错题本是空的" description="答错的题会记在这里，练对了就会移出" />;
  }
  const laws = [...new Set(book.groups.map((group) => group.law))];
  const countIn = (law: Law) =>
    book.groups.filter((group) => group.law === law).reduce((sum, group) => sum + group.questions.length, 0);

  return (
    <View className="wrong-book">
      <View className="wrong-book__summary">
        <View className="wrong-book__total">错题本里有 {total} 道题</View>
        <View className="wrong-book__hint">再练一遍，答对了就从错题本移出。</View>
        {laws.map((law) => (
          <Button key={law} type="primary" size="large" block onClick={() => practise({ law }, LAW_NAMES[law])}>
            {laws.length > 1 ? `练习${LAW_NAMES[law]}错题（${countIn(law)} 道）` : `练习错题（${countIn(law)} 道）`}
          </Button>
        ))}
      </View>
      {book.groups.map((group) => {
        const title = placeLabel(group.law, group.book);
        return (
          <CellGroup
            key={title}
            className="wrong-book__group"
            title={
              <View className="wrong-book__group-title">
                {title}（{group.questions.length} 道）
              </View>
            }
          >
            {group.questions.map(({ question, wrongCount }) => (
              <Cell
                key={question.id}
                className="wrong-book__question"
                title={<View className="wrong-book__stem">{question.stem}</View>}
                description={`${QUESTION_TYPE_LABELS[question.type]} · 答错 ${wrongCount} 次`}
              />
            ))}
            <View className="wrong-book__group-action">
              <Button
                fill="outline"
                size="large"
                block
                onClick={() => practise({ law: group.law, book: group.book ?? undefined }, title)}
              >
                练习这 {group.questions.length} 道
              </Button>
            </View>
          </CellGroup>
        );
      })}
    </View>
  );
}

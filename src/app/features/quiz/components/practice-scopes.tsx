import { Cell, CellGroup, Collapse, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { LAW_NAMES, type Law } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { usePracticeScopes } from '../api/cached-queries';
import type { PracticeScope } from '../api/quiz-api';
import './quiz.scss';

/** The practice page's address for one scope; `title` is what the page shows as its heading. */
export function practiceUrl(scope: PracticeScope, title: string): string {
  const query = [
    `law=${scope.law}`,
    scope.book ? `book=${encodeURIComponent(scope.book)}` : '',
    scope.chapter ? `chapter=${scope.chapter}` : '',
    scope.wrongOnly ? 'wrongOnly=1' : '',
    `title=${encodeURIComponent(title)}`,
  ];
  return `${PAGES.quizPractice}?${query.filter(Boolean).join('&')}`;
}

function practise(scope: PracticeScope, title: string) {
  void Taro.navigateTo({ url: practiceUrl(scope, title) });
}

const countLabel = (count: number) => `${count} 题`;

/** 专项练习: choose a law, then a whole book or one of its chapters, each with how many questions it has. */
export function PracticeScopes() {
  const { data, error, loading, reload } = usePracticeScopes();
  const [law, setLaw] = useState<Law>('civil-code');

  if (!data) {
    if (loading) return <LoadingBlock />;
    return <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />;
  }
  const chosen = data.laws.find((entry) => entry.law === law) ?? data.laws[0];

  return (
    <View className="practice-scopes">
      {error && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      <View className="practice-scopes__intro">选一部法律，再选一编或一章，一题一题地练，每题答完就看解析。</View>
      {data.laws.length > 1 && (
        <Radio.Group
          className="practice-scopes__laws"
          value={chosen.law}
          direction="horizontal"
          onChange={(value) => setLaw(value as Law)}
        >
          {data.laws.map((entry) => (
            <Radio key={entry.law} value={entry.law} shape="button">
              {entry.title}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {chosen && (
        <Collapse
          key={chosen.law}
          className="practice-scopes__books"
          accordion
          // A law without books (the Constitution) opens at once on its chapters.
          defaultActiveName={chosen.books.length === 1 ? (chosen.books[0].title ?? LAW_NAMES[chosen.law]) : ''}
        >
          {chosen.books.map((book) => {
            const bookTitle = book.title ?? LAW_NAMES[chosen.law];
            return (
              <Collapse.Item
                key={bookTitle}
                name={bookTitle}
                title={<View className="practice-scopes__book">{bookTitle}</View>}
                extra={countLabel(book.questionCount)}
              >
                <CellGroup>
                  <Cell
                    className="practice-scopes__whole"
                    clickable
                    title={`练习${book.title ? '本编' : ''}全部题目`}
                    extra={countLabel(book.questionCount)}
                    onClick={() =>
                      practise({ law: chosen.law, book: book.title ?? undefined }, book.title ?? LAW_NAMES[chosen.law])
                    }
                  />
                  {book.chapters.map((chapter) => (
                    <Cell
                      key={chapter.index}
                      className="practice-scopes__chapter"
                      clickable
                      title={chapter.title}
                      extra={countLabel(chapter.questionCount)}
                      onClick={() => practise({ law: chosen.law, chapter: chapter.index }, chapter.title)}
                    />
                  ))}
                </CellGroup>
              </Collapse.Item>
            );
          })}
        </Collapse>
      )}
    </View>
  );
}

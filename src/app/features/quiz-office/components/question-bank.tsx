import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { StaffQuestionQuerySchema } from '@core/quiz/schemas';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { PAGES } from '../../../shared/pages';
import { ChoiceRow } from '../../../shared/ui/choice-row';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { Pager } from '../../../shared/ui/pager';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { quizOfficeApi, type QuestionQuery } from '../api/quiz-office-api';
import { QuestionRow } from './question-row';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

const LAW_CHOICES = [
  { value: 'civil-code', label: '民法典' },
  { value: 'constitution', label: '宪法' },
];
const RETIRED_CHOICES = [
  { value: '0', label: '在用' },
  { value: '1', label: '已停用' },
];

/** 题库: every question with its answer, searched by words or id, by law, in use or retired, twenty a page. */
export function QuestionBank() {
  const [query, setQuery] = useState<QuestionQuery>({ page: 1 });
  const [words, setWords] = useState('');
  const [wordsProblem, setWordsProblem] = useState<string | null>(null);
  const loadPage = useCallback(() => quizOfficeApi.questions(query), [query]);
  // Read again back from editing or retiring a question, so that the list shows it as it now is.
  const { data: result, problem, reload } = useStaffQuery(loadPage);

  function search() {
    const q = words.trim() || undefined;
    const checked = StaffQuestionQuerySchema.safeParse({ ...query, q });
    if (!checked.success) {
      setWordsProblem(checked.error.issues[0]?.message ?? '搜索词有误');
      return;
    }
    setWordsProblem(null);
    setQuery({ ...query, q, page: 1 });
  }

  const choose = (key: 'law' | 'retired') => (value: string) => setQuery({ ...query, [key]: value || undefined, page: 1 });
  const page = Number(query.page ?? 1);

  return (
    <View className="office-page">
      <OfficeLinks current="questions" />
      <View className="quiz-office__head">
        <View className="office-page__title">题库</View>
        <Button fill="outline" onClick={() => void Taro.navigateTo({ url: PAGES.staffQuestionImport })}>
          导入题库文件
        </Button>
      </View>
      <View className="quiz-filters">
        <View className="quiz-filters__typed">
          <SearchBar
            className="quiz-filters__search"
            placeholder="搜索题干文字或题目编号"
            value={words}
            maxLength={50}
            onChange={setWords}
            onSearch={search}
          />
          <Button type="primary" onClick={search}>
            查询
          </Button>
        </View>
        <Problem message={wordsProblem} />
        <ChoiceRow label="法律" value={query.law ?? ''} choices={LAW_CHOICES} onChange={choose('law')} />
        <ChoiceRow label="状态" value={query.retired ?? ''} choices={RETIRED_CHOICES} onChange={choose('retired')} />
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void reload()} />}
      {!problem && !result && <LoadingBlock />}
      {result && (
        <>
          <View className="office-page__count" role="status">
            共 {result.total} 道
          </View>
          {result.questions.length === 0 ? (
            <EmptyBlock title="没有符合条件的题目" description="换个搜索词或筛选条件试试" />
          ) : (
            <View role="list" aria-label="题目列表">
              {result.questions.map((question) => (
                <QuestionRow
                  key={question.id}
                  question={question}
                  onOpen={(id) => void Taro.navigateTo({ url: `${PAGES.staffQuestion}?id=${id}` })}
                />
              ))}
            </View>
          )}
          <Pager page={page} total={result.total} pageSize={result.pageSize} onChange={(next) => setQuery({ ...query, page: next })} />
        </>
      )}
    </View>
  );
}

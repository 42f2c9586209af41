import { Button, Pagination, Radio, SearchBar } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { StaffQuestionQuerySchema, type StaffQuestion } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { quizOfficeApi, type QuestionQuery } from '../api/quiz-office-api';
import { QuestionRow } from './question-row';
import './quiz-office.scss';

interface BankPage {
  questions: StaffQuestion[];
  total: number;
  pageSize: number;
}

type Choice = { value: string; label: string };

function ChoiceRow({ label, value, choices, onChange }: { label: string; value: string; choices: Choice[]; onChange: (value: string) => void }) {
  return (
    <View className="quiz-filters__row" aria-label={label}>
      <View className="quiz-filters__label">{label}</View>
      <Radio.Group value={value} direction="horizontal" shape="button" onChange={(chosen) => onChange(String(chosen))}>
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} shape="button">
            {choice.label}
          </Radio>
        ))}
      </Radio.Group>
    </View>
  );
}

const LAW_CHOICES = [
  { value: '', label: '全部' },
  { value: 'civil-code', label: '民法典' },
  { value: 'constitution', label: '宪法' },
];
const RETIRED_CHOICES = [
  { value: '', label: '全部' },
  { value: '0', label: '在用' },
  { value: '1', label: '已停用' },
];

/** 题库: every question with its answer, searched by words or id, by law, in use or retired, twenty a page. */
export function QuestionBank() {
  const [query, setQuery] = useState<QuestionQuery>({ page: 1 });
  const [words, setWords] = useState('');
  const [wordsProblem, setWordsProblem] = useState<string | null>(null);
  const [result, setResult] = useState<BankPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    // Quick taps on the filters: only the answer to the last one is shown.
    const ticket = ++latestLoad.current;
    try {
      const answer = await quizOfficeApi.questions(query);
      if (ticket !== latestLoad.current) return;
      setResult(answer);
      setProblem(null);
    } catch (error) {
      if (ticket === latestLoad.current && !backToSignInIfNeeded(error)) {
        setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
      }
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from editing or retiring a question, the list shows it as it now is.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load();
    shownBefore.current = true;
  });

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
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
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
          {result.total > result.pageSize && (
            <Pagination
              className="office-page__pager"
              value={page}
              total={result.total}
              pageSize={result.pageSize}
              itemSize={5}
              onChange={(next) => setQuery({ ...query, page: next })}
            />
          )}
        </>
      )}
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ShareBoardQuerySchema, type ShareBoard as ShareBoardData } from '@core/sharing/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { Field, Problem } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchShareBoard, type ShareBoardQuery } from '../api/sharing-api';
import { reachRateLabel } from '../format';
import '../../../shared/ui/office-page.scss';
import './sharing.scss';

type BoardRow = ShareBoardData['byGrid'][number];

function BoardTable({ title, rows }: { title: string; rows: BoardRow[] }) {
  return (
    <View className="share-table" aria-label={title}>
      <View className="share-table__title">{title}</View>
      <View className="share-table__row share-table__row--board share-table__row--head">
        <View>名称</View>
        <View>打开</View>
        <View>报名</View>
        <View>答题</View>
        <View>覆盖率</View>
      </View>
      {rows.map((row) => (
        <View key={row.id} className="share-table__row share-table__row--board" role="listitem" aria-label={row.name}>
          <View>
            {row.name}
            {row.population !== null && <View className="share-table__kind">人口 {row.population}</View>}
          </View>
          <View>{row.opens}</View>
          <View>{row.signUps}</View>
          <View>{row.quizTakers}</View>
          <View>{reachRateLabel(row.reachRate)}</View>
        </View>
      ))}
    </View>
  );
}

/** The office's view of the grid workers' sharing: per grid and community, in a date range, against population. */
export function ShareBoard() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<ShareBoardQuery>({});
  const [board, setBoard] = useState<ShareBoardData | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [rangeProblem, setRangeProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadProblem(null);
    try {
      setBoard(await fetchShareBoard(query));
    } catch (error) {
      if (backToSignInIfNeeded(error)) return;
      const message = error instanceof ApiRequestError ? error.message : '加载失败，请重试';
      // A range the server refuses is the range's problem; the figures shown so far stay.
      if (error instanceof ApiRequestError && error.status === 400) setRangeProblem(message);
      else setLoadProblem(message);
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  function applyRange() {
    const typed = ShareBoardQuerySchema.safeParse({ from: from.trim() || undefined, to: to.trim() || undefined });
    if (!typed.success) {
      setRangeProblem(typed.error.issues[0]?.message ?? '日期格式有误');
      return;
    }
    if (typed.data.from && typed.data.to && typed.data.from > typed.data.to) {
      setRangeProblem('开始日期不能晚于结束日期');
      return;
    }
    setRangeProblem(null);
    setQuery(typed.data);
  }

  function clearRange() {
    setFrom('');
    setTo('');
    setRangeProblem(null);
    setQuery({});
  }

  return (
    <View className="office-page share-board">
      <View className="office-page__title">传播效果</View>
      <View className="share-board__range">
        <Field label="开始日期" name="from" placeholder="如 2026-11-01" value={from} onChange={setFrom} maxLength={10} />
        <Field label="结束日期" name="to" placeholder="如 2026-11-30" value={to} onChange={setTo} maxLength={10} />
        <View className="share-board__buttons">
          <Button type="primary" onClick={applyRange}>
            查询
          </Button>
          <Button fill="outline" onClick={clearRange}>
            全部日期
          </Button>
        </View>
      </View>
      <Problem message={rangeProblem ?? (board ? loadProblem : null)} />
      {!board ? (
        loadProblem ? (
          <ErrorBlock message={loadProblem} onRetry={() => void load()} />
        ) : (
          <LoadingBlock />
        )
      ) : (
        <>
          <View className="office-page__count" role="status">
            {query.from || query.to ? `${query.from ?? '最早'} 至 ${query.to ?? '今天'}` : '全部日期'}
            ，覆盖率为打开过分享的人数占人口的百分比；未带有效分享人的打开 {board.unattributedOpens} 次
          </View>
          <BoardTable title="各社区（村）" rows={board.byCommunity} />
          <BoardTable title="各网格" rows={board.byGrid} />
        </>
      )}
    </View>
  );
}

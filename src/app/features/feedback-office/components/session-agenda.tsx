import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Agenda, SessionRef, StaffFeedbackSummary } from '@core/feedback/schemas';
import { isOpen } from '@core/feedback/workflow';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { monthDayLabel, sessionDayLabel, windowLabel } from '../../../shared/format/session-label';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { SessionSummaryCard } from '../../../shared/ui/session-summary-card';
import { TextBox } from '../../../shared/ui/text-box';
import { officeApi, type SessionChangeBody } from '../api/office-api';
import { FeedbackRow } from './feedback-row';
import { SessionChangeForm } from './session-change-form';
import '../../../shared/ui/office-page.scss';
import './feedback-office.scss';

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '操作没有成功，请重试');
const openItem = (id: string) => void Taro.navigateTo({ url: `${PAGES.staffItem}?id=${id}` });

/** What the server says a close carried over: where to, which items, and those items as that agenda now lists them. */
interface CarriedOver {
  to: SessionRef;
  itemIds: string[];
  items: StaffFeedbackSummary[];
}

/** 接待日议程: the session's items; then closing it (open items carry over) or cancelling / moving it. */
export function SessionAgenda({ stationId, date }: { stationId: string; date: string }) {
  const session = { stationId, date };
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [closeProblem, setCloseProblem] = useState<string | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [closing, setClosing] = useState(false);
  /** The items this page's close carried over: they are on the next agenda now. */
  const [carried, setCarried] = useState<CarriedOver | null>(null);
  const [changed, setChanged] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAgenda(await officeApi.agenda({ stationId, date }));
      setProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(messageOf(error));
    }
  }, [stationId, date]);

  useEffect(() => {
    void load();
  }, [load]);

  useReloadOnReturn(load);

  async function close() {
    setConfirmingClose(false);
    if (!agenda) return;
    setClosing(true);
    setCloseProblem(null);
    try {
      const { carriedTo, carriedItemIds, ...summary } = await officeApi.closeSession(session, note.trim() || null);
      setAgenda({ ...agenda, summary, session: { ...agenda.session, closed: true } });
      setNote('');
      void load();
      // The server's word on what carried over: a colleague may have answered or added items since this page loaded.
      if (carriedTo) void showCarried({ to: carriedTo, itemIds: carriedItemIds, items: [] });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setCloseProblem(messageOf(error));
    } finally {
      setClosing(false);
    }
  }

  async function showCarried(carriedOver: CarriedOver) {
    setCarried(carriedOver);
    try {
      const next = await officeApi.agenda({ stationId, date: carriedOver.to.originalDate });
      setCarried({ ...carriedOver, items: next.items.filter((item) => carriedOver.itemIds.includes(item.id)) });
    } catch (error) {
      // The heading still says how many went where; the items themselves are on that agenda.
      backToSignInIfNeeded(error);
    }
  }

  async function change(body: SessionChangeBody): Promise<string | null> {
    try {
      const result = await officeApi.changeSession(session, body);
      setChanged(
        body.kind === 'moved'
          ? `接待日已改到 ${sessionDayLabel(result.session.date)} ${windowLabel(result.session.window)}，${result.itemsMoved} 条反馈随之改期。`
          : result.carriedTo
            ? `本次接待日已取消，${result.itemsMoved} 条反馈已转入 ${monthDayLabel(result.carriedTo.date)}接待日。`
            : '本次接待日已取消，没有需要转入其他接待日的反馈。',
      );
      await load();
      return null;
    } catch (error) {
      if (backToSignInIfNeeded(error)) return null;
      return messageOf(error);
    }
  }

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!agenda) return <LoadingBlock />;

  const ref = agenda.session;
  const open = agenda.items.filter((item) => isOpen(item.status)).length;
  const canClose = !ref.closed && ref.status !== 'cancelled';

  return (
    <View className="office-page session-agenda">
      <View className="session-agenda__head">
        <View className="office-page__title">接待日议程</View>
        <View className="session-agenda__when">
          {sessionDayLabel(ref.date)} {windowLabel(ref.window)} · {ref.stationName}
        </View>
        <View className="feedback-tags">
          {ref.status === 'cancelled' && <Tag type="danger">已取消</Tag>}
          {ref.status === 'moved' && <Tag type="warning">已改期（原定 {sessionDayLabel(ref.originalDate)}）</Tag>}
          {ref.closed && <Tag type="success">已结束</Tag>}
        </View>
      </View>

      {changed && (
        <View className="office-notice" role="status">
          {changed}
        </View>
      )}

      {agenda.summary && (
        <>
          <View className="office-page__section">小结</View>
          <SessionSummaryCard summary={agenda.summary} />
          <Button
            fill="outline"
            onClick={() =>
              void Taro.navigateTo({ url: `${PAGES.sessionSummary}?station=${encodeURIComponent(stationId)}&date=${date}` })
            }
          >
            查看公开小结（可分享）
          </Button>
        </>
      )}

      {carried && (
        <>
          <View className="office-page__section">
            {carried.itemIds.length} 条反馈已转入 {monthDayLabel(carried.to.date)}接待日
          </View>
          <View role="list" aria-label="转入下次的反馈">
            {carried.items.map((item) => (
              <FeedbackRow key={item.id} item={item} onOpen={openItem} onAgenda />
            ))}
          </View>
        </>
      )}

      <View className="office-page__section">本次反馈（{agenda.items.length} 条）</View>
      {agenda.items.length === 0 ? (
        <EmptyBlock title="这一次还没有反馈" />
      ) : (
        <View role="list" aria-label="议程">
          {agenda.items.map((item) => (
            <FeedbackRow key={item.id} item={item} onOpen={openItem} onAgenda />
          ))}
        </View>
      )}

      {canClose && (
        <>
          <View className="office-page__section">结束接待日</View>
          <View className="office-card">
            <TextBox label="公开说明（可不填，居民会在小结中看到，请勿写姓名）" value={note} onChange={setNote} maxLength={500} />
            <Problem message={closeProblem} />
            <Button type="primary" loading={closing} disabled={closing} onClick={() => setConfirmingClose(true)}>
              结束接待日并生成小结
            </Button>
          </View>
          <View className="office-page__section">取消或改期</View>
          <View className="office-card">
            <SessionChangeForm session={ref} onSubmit={change} />
          </View>
        </>
      )}

      <Dialog
        visible={confirmingClose}
        title="结束接待日"
        content={
          open > 0
            ? `结束后，尚未办结的 ${open} 条反馈将转入下一次接待日，并生成公开小结。确定结束吗？`
            : '结束后将生成公开小结。确定结束吗？'
        }
        confirmText="确定结束"
        cancelText="再想想"
        onConfirm={() => close()}
        onCancel={() => setConfirmingClose(false)}
        onClose={() => setConfirmingClose(false)}
      />
    </View>
  );
}

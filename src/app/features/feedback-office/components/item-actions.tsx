import { Button, Dialog } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { FeedbackActionSchema, FeedbackIdParamsSchema, type StaffFeedbackDetail } from '@core/feedback/schemas';
import { applyAction } from '@core/feedback/workflow';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { Field, Problem } from '../../../shared/ui/field';
import { TextBox } from '../../../shared/ui/text-box';
import { officeApi, type FeedbackActionBody } from '../api/office-api';

type ActionName = FeedbackActionBody['action'];
type Problems = Partial<Record<ActionName, string>>;

const DONE: Record<ActionName, string> = {
  accept: '已受理',
  reply: '答复已发送',
  reject: '已不予受理',
  close: '已办结',
  note: '备注已添加',
  flag: '已更新研判标记',
  link: '已标为重复',
};

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '操作没有成功，请重试');

/** Which workflow steps the item's status allows now (src/core/feedback/workflow.ts decides, as on the server). */
function allowedSteps(item: StaffFeedbackDetail) {
  const state = { status: item.status, reopened: item.reopened };
  const allows = (action: Parameters<typeof applyAction>[1]) => applyAction(state, action) !== 'not-allowed';
  return {
    accept: allows({ kind: 'accept' }),
    reply: allows({ kind: 'reply' }),
    reject: allows({ kind: 'reject', reason: '' }),
    close: allows({ kind: 'close' }),
  };
}

interface ItemActionsProps {
  item: StaffFeedbackDetail;
  onChanged: (item: StaffFeedbackDetail) => void;
  /** Called when the server says the item has moved on (a colleague acted): the page reloads it. */
  onStale: () => void;
}

/** What the office can do with the item now; anything its status does not allow is not offered. */
export function ItemActions({ item, onChanged, onStale }: ItemActionsProps) {
  const [replyText, setReplyText] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [duplicateNo, setDuplicateNo] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [sending, setSending] = useState<ActionName | null>(null);
  const [confirming, setConfirming] = useState<'reject' | 'close' | null>(null);
  const steps = allowedSteps(item);

  /** The schema's own message, shown where the person typed, when the input would be refused. */
  function checked(body: FeedbackActionBody): FeedbackActionBody | null {
    const parsed = FeedbackActionSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    setProblems({ [body.action]: parsed.error.issues[0]?.message ?? '填写有误' });
    return null;
  }

  async function send(body: FeedbackActionBody, clear?: () => void) {
    setSending(body.action);
    setProblems({});
    try {
      onChanged(await officeApi.act(item.id, body));
      clear?.();
      Taro.showToast({ title: DONE[body.action], icon: 'success' });
    } catch (error) {
      if (backToSignInIfNeeded(error)) return;
      setProblems({ [body.action]: messageOf(error) });
      if (error instanceof ApiRequestError && error.status === 409) onStale();
    } finally {
      setSending(null);
    }
  }

  function sendChecked(body: FeedbackActionBody, clear?: () => void) {
    const valid = checked(body);
    if (valid) void send(valid, clear);
  }

  function askToReject() {
    if (checked({ action: 'reject', reason })) {
      setProblems({});
      setConfirming('reject');
    }
  }

  async function confirmed() {
    const action = confirming;
    setConfirming(null);
    if (action === 'reject') await send({ action: 'reject', reason: reason.trim() }, () => setReason(''));
    if (action === 'close') await send({ action: 'close' });
  }

  /** Staff type the short 编号 they see in the inbox; the inbox search turns it into the item. */
  async function linkDuplicate() {
    const typed = duplicateNo.trim().toLowerCase();
    if (FeedbackIdParamsSchema.safeParse({ id: typed }).success) {
      sendChecked({ action: 'link', duplicateOf: typed }, () => setDuplicateNo(''));
      return;
    }
    if (!/^[0-9a-f]{4,8}$/.test(typed)) {
      setProblems({ link: '请填写另一条反馈的编号（收件箱中显示的 8 位）' });
      return;
    }
    try {
      const found = await officeApi.inbox({ q: typed });
      const matches = found.items.filter((other) => other.id.startsWith(typed) && other.id !== item.id);
      if (matches.length !== 1) {
        setProblems({ link: matches.length === 0 ? `找不到编号为 ${typed} 的其他反馈` : `有多条反馈的编号以 ${typed} 开头，请填写完整的 8 位` });
        return;
      }
      sendChecked({ action: 'link', duplicateOf: matches[0].id }, () => setDuplicateNo(''));
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblems({ link: messageOf(error) });
    }
  }

  const busy = sending !== null;

  return (
    <View className="item-actions" aria-label="办理">
      <View className="item-actions__buttons">
        {steps.accept && (
          <Button type="primary" loading={sending === 'accept'} disabled={busy} onClick={() => void send({ action: 'accept' })}>
            受理
          </Button>
        )}
        {steps.close && (
          <Button type="primary" disabled={busy} onClick={() => setConfirming('close')}>
            办结
          </Button>
        )}
        <Button
          fill="outline"
          loading={sending === 'flag'}
          disabled={busy}
          onClick={() => void send({ action: 'flag', flagged: !item.flagged })}
        >
          {item.flagged ? '取消研判' : '提交研判'}
        </Button>
      </View>
      <Problem message={problems.accept ?? problems.close ?? problems.flag} />

      {steps.reply && (
        <View className="item-actions__section">
          <TextBox
            label={item.status === 'replied' ? '补充答复（提交人会收到）' : '答复（提交人会收到）'}
            value={replyText}
            onChange={setReplyText}
            maxLength={2000}
            problem={problems.reply}
          />
          <Button
            type="primary"
            loading={sending === 'reply'}
            disabled={busy}
            onClick={() => sendChecked({ action: 'reply', text: replyText }, () => setReplyText(''))}
          >
            发送答复
          </Button>
        </View>
      )}

      {steps.reject && (
        <View className="item-actions__section">
          <TextBox label="不予受理的理由（提交人会看到）" value={reason} onChange={setReason} maxLength={500} problem={problems.reject} />
          <Button fill="outline" loading={sending === 'reject'} disabled={busy} onClick={askToReject}>
            不予受理
          </Button>
        </View>
      )}

      <View className="item-actions__section">
        <TextBox label="内部备注（仅工作人员可见）" value={note} onChange={setNote} maxLength={1000} problem={problems.note} />
        <Button
          fill="outline"
          loading={sending === 'note'}
          disabled={busy}
          onClick={() => sendChecked({ action: 'note', text: note }, () => setNote(''))}
        >
          添加内部备注
        </Button>
      </View>

      {!item.duplicateOf && (
        <View className="item-actions__section">
          <Field
            label="与另一条反馈重复（填写那一条的 8 位编号）"
            name="duplicateOf"
            value={duplicateNo}
            onChange={setDuplicateNo}
            maxLength={36}
            problem={problems.link}
          />
          <Button fill="outline" loading={sending === 'link'} disabled={busy} onClick={() => void linkDuplicate()}>
            标为重复
          </Button>
        </View>
      )}

      <Dialog
        visible={confirming !== null}
        title={confirming === 'reject' ? '不予受理' : '办结'}
        content={
          confirming === 'reject'
            ? `确定不予受理这条反馈吗？提交人会看到理由：${reason.trim()}`
            : '确定办结这条反馈吗？办结后不能再答复。'
        }
        confirmText="确定"
        cancelText="再想想"
        onConfirm={() => confirmed()}
        onCancel={() => setConfirming(null)}
        onClose={() => setConfirming(null)}
      />
    </View>
  );
}

import { Button, Dialog, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { SessionRef } from '@core/feedback/schemas';
import { SessionChangeBodySchema } from '@core/sessions/schemas';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { Field, Problem } from '../../../shared/ui/field';
import { TextBox } from '../../../shared/ui/text-box';
import type { SessionChangeBody } from '../api/office-api';

type ChangeKind = SessionChangeBody['kind'];

interface SessionChangeFormProps {
  session: SessionRef;
  /** Resolves with nothing on success, or the server's message to show. */
  onSubmit: (body: SessionChangeBody) => Promise<string | null>;
}

/** Each message keyed by its full path, so the start and end times get their own. */
function problemsByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const problems: Record<string, string> = {};
  for (const issue of issues) problems[issue.path.join('.')] ??= issue.message;
  return problems;
}

/** Cancelling or moving this session, with the reason residents will read; its items follow it. */
export function SessionChangeForm({ session, onSubmit }: SessionChangeFormProps) {
  const [kind, setKind] = useState<ChangeKind>('cancelled');
  const [reason, setReason] = useState('');
  const [newDate, setNewDate] = useState('');
  const [start, setStart] = useState(session.window.start);
  const [end, setEnd] = useState(session.window.end);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<SessionChangeBody | null>(null);
  const [sending, setSending] = useState(false);

  function review() {
    const body = kind === 'cancelled' ? { kind, reason } : { kind, reason, newDate: newDate.trim(), newWindow: { start: start.trim(), end: end.trim() } };
    const checked = SessionChangeBodySchema.safeParse(body);
    if (!checked.success) {
      setProblems(problemsByPath(checked.error.issues));
      return;
    }
    setProblems({});
    setConfirming(checked.data);
  }

  async function confirmed() {
    const body = confirming;
    setConfirming(null);
    if (!body) return;
    setSending(true);
    const refused = await onSubmit(body);
    setSending(false);
    if (refused) setProblems({ form: refused });
    else setReason('');
  }

  const day = sessionDayLabel(session.date);
  return (
    <View className="session-change" aria-label="取消或改期">
      <Radio.Group value={kind} direction="horizontal" shape="button" onChange={(value) => setKind(value as ChangeKind)}>
        <Radio value="cancelled" shape="button">
          取消本次
        </Radio>
        <Radio value="moved" shape="button">
          改期
        </Radio>
      </Radio.Group>
      {kind === 'moved' && (
        <View className="session-change__when">
          <Field label="新日期" name="newDate" placeholder="如 2026-11-16" value={newDate} onChange={setNewDate} problem={problems.newDate} maxLength={10} />
          <Field label="开始时间" name="newStart" value={start} onChange={setStart} problem={problems['newWindow.start']} maxLength={5} />
          <Field label="结束时间" name="newEnd" value={end} onChange={setEnd} problem={problems['newWindow.end'] ?? problems.newWindow} maxLength={5} />
        </View>
      )}
      <TextBox label="原因（居民会看到）" value={reason} onChange={setReason} maxLength={200} problem={problems.reason} placeholder="如：国庆假期暂停" />
      <Problem message={problems.form} />
      <Button fill="outline" loading={sending} disabled={sending} onClick={review}>
        {kind === 'cancelled' ? '取消本次接待日' : '改期'}
      </Button>
      <Dialog
        visible={confirming !== null}
        title={confirming?.kind === 'moved' ? '改期' : '取消接待日'}
        content={
          confirming?.kind === 'moved'
            ? `${day}的接待日改到 ${confirming.newDate} ${confirming.newWindow.start}–${confirming.newWindow.end}，这一次的反馈随之改期。确定吗？`
            : `确定取消${day}的接待日吗？这一次的反馈将转入下一次接待日。`
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

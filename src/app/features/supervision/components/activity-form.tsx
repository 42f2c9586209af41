import { Button, DatePicker } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { LogActivitySchema, MAX_OBSERVATION, type Activity } from '@core/supervision/schemas';
import { addDays, shanghaiDateOf, type LocalDate } from '@core/shared/shanghai-time';
import { newClientId } from '../../../shared/client-id';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { TextBox } from '../../../shared/ui/text-box';
import { pad2, pickerDate } from '../../../shared/ui/picker-date';
import { activityDateLabel } from '../format';
import { activityOutbox, saveAndSend } from '../pending-activities';
import './activity-form.scss';

interface Draft {
  /** One per entry: sending the same entry twice can only ever make one. */
  clientId: string;
  date: LocalDate;
  unit: string;
  place: string;
  observation: string;
}

const today = () => shanghaiDateOf(new Date());

function emptyDraft(): Draft {
  return { clientId: newClientId(), date: today(), unit: '', place: '', observation: '' };
}

/** 记录执法活动: one enforcement action the supervisor attended, written down on the spot. */
export function ActivityForm() {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [keptNotice, setKeptNotice] = useState<string | null>(null);
  const [logged, setLogged] = useState<Activity | null>(null);
  const [sending, setSending] = useState(false);
  const [pickingDate, setPickingDate] = useState(false);

  // Opening the form is a moment the network may be back: what an earlier visit kept goes now.
  useEffect(() => {
    void activityOutbox.sendWaiting();
  }, []);

  function change<K extends 'date' | 'unit' | 'place' | 'observation'>(field: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
    setProblems(({ [field]: _cleared, ...rest }) => rest);
    setRefusal(null);
  }

  async function send() {
    const checked = LogActivitySchema.safeParse({ ...draft, place: draft.place.trim() || null });
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    setRefusal(null);
    setKeptNotice(null);
    setSending(true);
    const outcome = await saveAndSend(checked.data);
    setSending(false);
    if (outcome.kind === 'sent') {
      setLogged(outcome.result);
      setDraft(emptyDraft());
    } else if (outcome.kind === 'kept') {
      setKeptNotice(`${outcome.message}。这条记录已保存在手机上，有网络时会自动发送，不会重复。`);
      setDraft(emptyDraft());
    } else if (outcome.kind === 'refused') {
      // The words stay in the form, to be changed and sent again as the same entry.
      setRefusal(outcome.message);
    }
  }

  if (logged) {
    return (
      <View className="activity-form">
        <View className="activity-form__done" role="status">
          <View className="activity-form__done-title">已记录</View>
          <View>
            {activityDateLabel(logged.date)} · {logged.unit}
          </View>
          <View className="activity-form__hint">会计入镇法治建设科的年度统计。</View>
        </View>
        <View className="activity-form__actions">
          <Button type="primary" size="large" block onClick={() => setLogged(null)}>
            再记一条
          </Button>
          <Button fill="outline" size="large" block onClick={() => void Taro.redirectTo({ url: PAGES.supervisionActivities })}>
            查看我的记录
          </Button>
        </View>
      </View>
    );
  }

  const problemCount = Object.keys(problems).length;

  return (
    <View className="activity-form">
      <View className="activity-form__lead">记下您以执法监督员身份现场参加的执法活动：哪一天、哪个执法单位、看到了什么。</View>
      {keptNotice && (
        <View className="activity-form__kept" role="status">
          {keptNotice}
        </View>
      )}

      <View className="field">
        <View className="field__label">日期</View>
        <View className="activity-form__date" role="button" aria-label="日期" onClick={() => setPickingDate(true)}>
          {activityDateLabel(draft.date)}
        </View>
        <Problem message={problems.date} />
      </View>
      <DatePicker
        title="哪一天"
        type="date"
        visible={pickingDate}
        showChinese
        startDate={pickerDate(addDays(today(), -366))}
        // No later than today: the log is of what was attended, not planned.
        endDate={pickerDate(today())}
        value={pickerDate(draft.date)}
        onClose={() => setPickingDate(false)}
        onConfirm={(_options, [year, month, day]) => change('date', `${year}-${pad2(month)}-${pad2(day)}`)}
      />

      <Field
        label="执法单位"
        name="unit"
        value={draft.unit}
        maxLength={100}
        placeholder="如：镇综合行政执法大队"
        problem={problems.unit}
        onChange={(value) => change('unit', value)}
      />
      <Field
        label="地点（选填）"
        name="place"
        value={draft.place}
        maxLength={100}
        placeholder="如：朝天咀码头"
        problem={problems.place}
        onChange={(value) => change('place', value)}
      />
      <TextBox
        label="观察到的情况"
        value={draft.observation}
        maxLength={MAX_OBSERVATION}
        placeholder="执法过程是否规范：是否亮证、告知权利、文书是否齐全，当事人有何意见等（至少 10 个字）"
        problem={problems.observation}
        onChange={(value) => change('observation', value)}
      />

      <Problem message={refusal} />
      {problemCount > 0 && <Problem message={`还有 ${problemCount} 处需要修改，请看上面的红字`} />}
      <Button type="primary" size="large" block loading={sending} disabled={sending} onClick={() => void send()}>
        保存记录
      </Button>
    </View>
  );
}

import { Button, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { CheckInSchema, type SignUpListSchema, type SignUpRecordSchema } from '@core/events/schemas';
import { EventAttendanceSchema } from '@core/reports/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { eventTimeLabel } from '../../../shared/format/event-labels';
import { Field, Problem } from '../../../shared/ui/field';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { eventsOfficeApi, exportSignUps, type CheckInBody } from '../api/events-office-api';
import '../../../shared/ui/office-page.scss';
import './events-office.scss';

type SignUpList = z.infer<typeof SignUpListSchema>;
type SignUpRecord = z.infer<typeof SignUpRecordSchema>;

const messageOf = (error: unknown, fallback: string) => (error instanceof ApiRequestError ? error.message : fallback);

/** 报名与签到: who signed up, checking people in by their code (typed or scanned) or by tapping their row, and the export. */
export function EventSignUps({ id }: { id: string }) {
  const [list, setList] = useState<SignUpList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [checkInProblem, setCheckInProblem] = useState<string | null>(null);
  const [checkedIn, setCheckedIn] = useState<string | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [attendance, setAttendance] = useState('');
  const [attendanceProblem, setAttendanceProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await eventsOfficeApi.signUps(id));
      setProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(messageOf(error, '加载失败，请重试'));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function checkIn(body: CheckInBody) {
    setCheckInProblem(null);
    setCheckedIn(null);
    const checked = CheckInSchema.safeParse(body);
    if (!checked.success) {
      setCheckInProblem(checked.error.issues[0]?.message ?? '签到码格式不对');
      return;
    }
    try {
      const record = await eventsOfficeApi.checkIn(id, checked.data);
      setList((current) => current && { ...current, signUps: current.signUps.map((s) => (s.id === record.id ? record : s)) });
      setCheckedIn(`${record.who}（${record.people} 人）已签到`);
      setCode('');
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setCheckInProblem(messageOf(error, '没有签到成功，请重试'));
    }
  }

  async function scan() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn({ code: result });
    } catch {
      // Closed without scanning: nothing to do.
    }
  }

  async function recordAttendance() {
    setAttendanceProblem(null);
    const typed = attendance.trim();
    // An empty field is not 0 people: NaN lets the schema say what is wrong.
    const checked = EventAttendanceSchema.safeParse({ attendance: typed === '' ? Number.NaN : Number(typed) });
    if (!checked.success) {
      setAttendanceProblem(checked.error.issues[0]?.message ?? '实到人数有误');
      return;
    }
    try {
      const event = await eventsOfficeApi.recordAttendance(id, checked.data.attendance);
      setList((current) => current && { ...current, event });
      setAttendance('');
      Taro.showToast({ title: '已登记', icon: 'success' });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setAttendanceProblem(messageOf(error, '没有登记成功，请重试'));
    }
  }

  async function download() {
    setExportProblem(null);
    const outcome = await exportSignUps(id);
    if (!outcome.ok) {
      if (outcome.signInNeeded) backToSignInIfNeeded(new ApiRequestError('server', 401, outcome.message, 'SIGN_IN_REQUIRED'));
      else setExportProblem(outcome.message);
    }
  }

  if (!list) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  const { event, signUps } = list;
  const people = signUps.reduce((sum, s) => sum + s.people, 0);
  const arrived = signUps.filter((s) => s.checkedInAt).reduce((sum, s) => sum + s.people, 0);

  return (
    <View className="office-page events-office">
      <View className="office-page__title">{event.title}</View>
      <View className="events-office__meta">
        {eventTimeLabel(event)} · {event.place.name}
      </View>
      <View className="office-page__count" role="status">
        共 {signUps.length} 份报名、{people} 人；已签到 {arrived} 人
      </View>

      <View className="office-card events-office__check-in" aria-label="签到">
        <Field label="签到码" name="checkInCode" value={code} onChange={setCode} maxLength={64} placeholder="输入报名人出示的签到码" />
        <View className="events-office__actions">
          <Button type="primary" onClick={() => void checkIn({ code })}>
            签到
          </Button>
          {process.env.TARO_ENV === 'weapp' && (
            <Button fill="outline" onClick={() => void scan()}>
              扫码签到
            </Button>
          )}
        </View>
        <Problem message={checkInProblem} />
        {checkedIn && (
          <View className="office-notice" role="status">
            {checkedIn}
          </View>
        )}
      </View>

      {event.status === 'published' && event.timing !== 'upcoming' && (
        <View className="office-card events-office__attendance" aria-label="实到人数">
          <View className="events-office__meta">
            {event.attendance === null
              ? `尚未登记实到人数，统计时按已签到的 ${arrived} 人计入受众`
              : `已登记实到 ${event.attendance} 人`}
          </View>
          <Field
            label="实到人数"
            name="attendance"
            value={attendance}
            onChange={setAttendance}
            maxLength={6}
            placeholder="集中宣传等不报名的活动，请填现场人数"
          />
          <Button type="primary" onClick={() => void recordAttendance()}>
            登记实到人数
          </Button>
          <Problem message={attendanceProblem} />
        </View>
      )}

      <View className="events-office__head">
        <View className="office-page__section">报名名单</View>
        <Button fill="outline" disabled={signUps.length === 0} onClick={() => void download()}>
          导出 Excel
        </Button>
      </View>
      <Problem message={exportProblem} />
      {signUps.length === 0 && <EmptyBlock title="还没有人报名" />}
      <View role="list" aria-label="报名名单">
        {signUps.map((signUp, index) => (
          <SignUpRow key={signUp.id} index={index + 1} signUp={signUp} onCheckIn={() => void checkIn({ signUpId: signUp.id })} />
        ))}
      </View>
    </View>
  );
}

function SignUpRow({ index, signUp, onCheckIn }: { index: number; signUp: SignUpRecord; onCheckIn: () => void }) {
  return (
    <View className="office-card events-office__row" role="listitem" aria-label={`${index}. ${signUp.who}`}>
      <View className="events-office__row-head">
        <View className="events-office__row-title">
          {index}. {signUp.who}
        </View>
        <View>{signUp.people} 人</View>
        {signUp.checkedInAt ? (
          <Tag type="success">已签到 {dateTimeLabel(signUp.checkedInAt).slice(11)}</Tag>
        ) : (
          <Button size="small" type="primary" fill="outline" onClick={onCheckIn}>
            点此签到
          </Button>
        )}
      </View>
      <View className="events-office__meta">
        报名于 {dateTimeLabel(signUp.signedUpAt)}
        {signUp.viaGrid && ` · 经由 ${signUp.viaGrid}`}
      </View>
    </View>
  );
}

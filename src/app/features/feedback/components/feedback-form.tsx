import { Button, DatePicker, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  FEEDBACK_KIND_LABELS,
  FeedbackFormSchema,
  MAX_CONTENT,
  SubmitFeedbackSchema,
  type FeedbackForm as FeedbackFormData,
  type FeedbackKind,
  type MyFeedbackDetail,
} from '@core/feedback/schemas';
import { parseLocalDate, shanghaiDateOf, shanghaiTimeOf } from '@core/shared/shanghai-time';
import { newClientId } from '../../../shared/client-id';
import { sessionLabel } from '../../../shared/format/session-label';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { fetchFeedbackForm } from '../api/feedback-api';
import { localDateTimeLabel } from '../format';
import { feedbackOutbox, saveAndSend, type PendingPhoto, type PendingSubmission } from '../pending-submissions';
import { photoReadable } from '../photo-files';
import { PendingSubmissionList } from './pending-submission-list';
import { PhotoPicker } from './photo-picker';
import { SubmittedNotice } from './submitted-notice';
import './feedback-form.scss';

interface Draft {
  /** One per draft: sending the same draft twice can only ever make one item. */
  clientId: string;
  kind: FeedbackKind | null;
  categoryId: string;
  content: string;
  photos: PendingPhoto[];
  place: { name: string; latitude: number | null; longitude: number | null };
  incidentAt: string | null;
  anonymous: boolean;
  mobile: string;
  enforcementUnit: string;
  caseReference: string;
}

function emptyDraft(): Draft {
  return {
    clientId: newClientId(),
    kind: null,
    categoryId: '',
    content: '',
    photos: [],
    place: { name: '', latitude: null, longitude: null },
    incidentAt: null,
    anonymous: false,
    mobile: '',
    enforcementUnit: '',
    caseReference: '',
  };
}

/** A refused submission back in the form, minus photos that can no longer be read from the phone. */
function draftFrom({ body, photos }: PendingSubmission): Draft {
  return {
    clientId: body.clientId,
    kind: body.kind,
    categoryId: body.categoryId,
    content: body.content,
    photos: photos.filter((photo) => photo.photoId || photoReadable(photo.path)),
    place: {
      name: body.place?.name ?? '',
      latitude: body.place?.latitude ?? null,
      longitude: body.place?.longitude ?? null,
    },
    incidentAt: body.incidentAt ?? null,
    anonymous: body.anonymous,
    mobile: body.mobile ?? '',
    enforcementUnit: body.enforcementUnit ?? '',
    caseReference: body.caseReference ?? '',
  };
}

/** What the schema is given: empty optional fields are absent, as the resident left them. */
function candidate(draft: Draft, stationId: string, onSite: boolean) {
  const supervision = draft.kind === 'supervision';
  return {
    clientId: draft.clientId,
    stationId,
    onSite,
    kind: draft.kind ?? undefined,
    categoryId: draft.categoryId,
    content: draft.content,
    photoIds: draft.photos.flatMap((photo) => (photo.photoId ? [photo.photoId] : [])),
    place: draft.place.name.trim() ? draft.place : null,
    incidentAt: draft.incidentAt,
    anonymous: draft.anonymous,
    mobile: draft.mobile.trim() || null,
    enforcementUnit: supervision ? draft.enforcementUnit.trim() || null : null,
    caseReference: supervision ? draft.caseReference.trim() || null : null,
  };
}

/** The schema's own message for one field of a draft, as the server would answer it. */
function schemaMessage(draft: Draft, stationId: string, field: string): string | undefined {
  // The schema's rules across fields run only once every field has its type: a kind not chosen yet
  // would stop them, so one stands in for it here.
  const checked = SubmitFeedbackSchema.safeParse({ ...candidate(draft, stationId, false), kind: draft.kind ?? 'complaint' });
  return checked.success ? undefined : problemsByField(checked.error.issues)[field];
}

function readFormCache(stored: unknown): FeedbackFormData | null {
  const parsed = FeedbackFormSchema.safeParse(stored);
  if (!parsed.success) return null;
  // A copy naming a session already past would send the resident's words to the wrong day.
  const { session } = parsed.data;
  return session && session.date < shanghaiDateOf(new Date()) ? null : parsed.data;
}

const pad2 = (value: unknown) => String(value).padStart(2, '0');

/** An instant as Shanghai wall-clock fields in a local Date, which is what the date picker reads and shows. */
function shanghaiWallClock(instant: Date): Date {
  const { year, month, day } = parseLocalDate(shanghaiDateOf(instant));
  const [hours, minutes] = shanghaiTimeOf(instant).split(':').map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

interface Props {
  /** From a station's QR code or a shared card; otherwise the town's first station. */
  stationId?: string;
  /** The station's QR code says the resident is there: during a session the item joins it. */
  onSite?: boolean;
}

/** 监督: the resident's feedback form, with what is still waiting to be sent from this phone. */
export function FeedbackForm({ stationId, onSite = false }: Props) {
  const [chosenStation, setChosenStation] = useState(stationId);
  const form = useCachedQuery<FeedbackFormData>({
    cacheKey: `feedback.form.${chosenStation ?? 'default'}.${onSite ? 'on-site' : 'remote'}`,
    load: () => fetchFeedbackForm(chosenStation, onSite),
    readCache: readFormCache,
  });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problems, setProblems] = useState<Record<string, string>>({});
  /** Why a switch did not do what was asked, or what it cleared: the schema's words. */
  const [switchNote, setSwitchNote] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [keptNotice, setKeptNotice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<MyFeedbackDetail | null>(null);
  const [sending, setSending] = useState(false);
  const [pickingTime, setPickingTime] = useState(false);
  const pending = feedbackOutbox.usePending().filter((entry) => entry.body.clientId !== draft.clientId);
  // The tab stays open for days: where a submission would go is asked again on each return.
  useReloadOnReturn(form.reload);

  if (!form.data) {
    if (form.loading) return <LoadingBlock />;
    return <ErrorBlock message={form.error?.message ?? '加载失败'} onRetry={() => void form.reload()} />;
  }
  const data = form.data;
  const stationForSubmission = data.stationId;

  function change<K extends keyof Draft>(field: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
    setProblems(({ [field]: _cleared, ...rest }) => rest);
    setRefusal(null);
  }

  function chooseKind(kind: FeedbackKind) {
    if (kind === 'supervision' && draft.anonymous) {
      setSwitchNote(schemaMessage({ ...draft, kind }, stationForSubmission, 'anonymous') ?? null);
      change('anonymous', false);
    } else {
      setSwitchNote(null);
    }
    change('kind', kind);
  }

  function toggleAnonymous(on: boolean) {
    if (!on) {
      setSwitchNote(null);
      change('anonymous', false);
      return;
    }
    const asked = { ...draft, anonymous: true };
    if (draft.kind === 'supervision') {
      // Stays off: a supervision opinion is filed under the supervisor's appointment.
      setSwitchNote(schemaMessage(asked, stationForSubmission, 'anonymous') ?? null);
      return;
    }
    // A number typed before going anonymous is cleared, and the schema's words say why.
    setSwitchNote(draft.mobile.trim() ? (schemaMessage(asked, stationForSubmission, 'mobile') ?? null) : null);
    setDraft({ ...asked, mobile: '' });
    setProblems(({ mobile: _cleared, anonymous: _too, ...rest }) => rest);
  }

  async function pickPlace() {
    try {
      const { name, address, latitude, longitude } = await Taro.chooseLocation({});
      change('place', { name: (name || address).slice(0, 100), latitude, longitude });
    } catch {
      // Closed without choosing: the typed place stays.
    }
  }

  async function editPending(entry: PendingSubmission) {
    if (draft.content.trim()) {
      const { confirm } = await Taro.showModal({
        title: '替换正在填写的内容？',
        content: '表单里正在写的内容会被这条未能提交的反馈替换。',
        confirmText: '替换',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setDraft(draftFrom(entry));
    setRefusal(entry.refusal);
    setProblems({});
    setSwitchNote(null);
    setSubmitted(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  async function send() {
    const checked = SubmitFeedbackSchema.safeParse(candidate(draft, stationForSubmission, onSite));
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    setRefusal(null);
    setKeptNotice(null);
    setSending(true);
    const { photoIds: _sentWithPhotos, ...body } = checked.data;
    const outcome = await saveAndSend(body, draft.photos, data.session ? sessionLabel(data.session) : null);
    setSending(false);
    if (outcome.kind === 'sent') {
      setSubmitted(outcome.result);
      setDraft(emptyDraft());
    } else if (outcome.kind === 'kept') {
      setKeptNotice(`${outcome.message}。反馈已保存在手机上（待发送），有网络时会自动发送，不会丢失。`);
      setDraft(emptyDraft());
    } else if (outcome.kind === 'refused') {
      setRefusal(outcome.message);
    }
  }

  if (submitted) {
    return (
      <View className="feedback-form">
        <SubmittedNotice item={submitted} templates={data.subscribeTemplates} onWriteAnother={() => setSubmitted(null)} />
      </View>
    );
  }

  const problemCount = Object.keys(problems).length;

  return (
    <View className="feedback-form">
      {form.error && <StaleNotice message={form.error.message} onRetry={() => void form.reload()} />}
      <View className="feedback-form__intro">
        <View className="feedback-form__title">执法监督反馈</View>
        <View className="feedback-form__lead">对行政执法有意见、建议或疑问，写在这里，镇法治建设科会在接待日办理并答复。</View>
        <View className="feedback-form__link" onClick={() => void Taro.navigateTo({ url: PAGES.myFeedback })}>
          查看我的反馈 ›
        </View>
        {data.kinds.includes('supervision') && (
          <View className="feedback-form__link" onClick={() => void Taro.navigateTo({ url: PAGES.supervisionActivities })}>
            执法活动记录 ›
          </View>
        )}
      </View>

      {keptNotice && (
        <View className="feedback-form__kept" role="status">
          {keptNotice}
        </View>
      )}
      <PendingSubmissionList entries={pending} onEdit={(entry) => void editPending(entry)} />

      {data.stations.length > 1 && !onSite && (
        <View className="feedback-form__section">
          <View className="feedback-form__label">交给哪个驿站</View>
          <Radio.Group
            className="feedback-form__choices"
            value={data.stationId}
            direction="horizontal"
            onChange={(value) => setChosenStation(String(value))}
          >
            {data.stations.map((station) => (
              <Radio key={station.id} value={station.id} shape="button">
                {station.name}
              </Radio>
            ))}
          </Radio.Group>
        </View>
      )}

      <View className="feedback-form__section">
        <View className="feedback-form__label">反馈类型</View>
        <Radio.Group
          className="feedback-form__choices"
          value={draft.kind ?? ''}
          direction="horizontal"
          onChange={(value) => chooseKind(value as FeedbackKind)}
        >
          {data.kinds.map((kind) => (
            <Radio key={kind} value={kind} shape="button">
              {FEEDBACK_KIND_LABELS[kind]}
            </Radio>
          ))}
        </Radio.Group>
        <Problem message={problems.kind} />
        {draft.kind === 'supervision' && (
          <>
            <Field
              label="执法单位"
              name="enforcementUnit"
              value={draft.enforcementUnit}
              maxLength={100}
              placeholder="如：镇综合行政执法大队"
              problem={problems.enforcementUnit}
              onChange={(value) => change('enforcementUnit', value)}
            />
            <Field
              label="案件编号或执法文书号"
              name="caseReference"
              value={draft.caseReference}
              maxLength={64}
              problem={problems.caseReference}
              onChange={(value) => change('caseReference', value)}
            />
          </>
        )}
      </View>

      <View className="feedback-form__section">
        <View className="feedback-form__label">类别</View>
        <Radio.Group
          className="feedback-form__choices"
          value={draft.categoryId}
          direction="horizontal"
          onChange={(value) => change('categoryId', String(value))}
        >
          {data.categories.map((category) => (
            <Radio key={category.id} value={category.id} shape="button">
              {category.name}
            </Radio>
          ))}
        </Radio.Group>
        <Problem message={problems.categoryId} />
      </View>

      <View className="feedback-form__section">
        <View className="feedback-form__label">反馈内容</View>
        <TextArea
          className="feedback-form__content"
          name="content"
          value={draft.content}
          placeholder="请写清楚什么时间、在哪里、发生了什么，以及您的意见（至少 10 个字）"
          maxLength={MAX_CONTENT}
          showCount
          autoSize
          rows={5}
          onChange={(value) => change('content', value)}
        />
        <Problem message={problems.content} />
      </View>

      <View className="feedback-form__section">
        <View className="feedback-form__label">照片</View>
        <PhotoPicker photos={draft.photos} problem={problems.photoIds} onChange={(photos) => change('photos', photos)} />
      </View>

      <View className="feedback-form__section">
        <Field
          label="事发地点（选填）"
          name="place"
          value={draft.place.name}
          maxLength={100}
          placeholder="如：朝天咀码头入口"
          problem={problems.place}
          onChange={(name) => change('place', { name, latitude: null, longitude: null })}
        />
        {process.env.TARO_ENV === 'weapp' && (
          <Button fill="outline" size="large" onClick={() => void pickPlace()}>
            在地图上选择地点
          </Button>
        )}
      </View>

      <View className="feedback-form__section">
        <View className="feedback-form__label">事发时间（选填）</View>
        <View className="feedback-form__row">
          <View className="feedback-form__value" role="button" onClick={() => setPickingTime(true)}>
            {draft.incidentAt ? localDateTimeLabel(draft.incidentAt) : '点此选择日期和时间'}
          </View>
          {draft.incidentAt && (
            <View className="feedback-form__clear" role="button" onClick={() => change('incidentAt', null)}>
              清除
            </View>
          )}
        </View>
        <Problem message={problems.incidentAt} />
        <DatePicker
          title="事发时间"
          type="datetime"
          visible={pickingTime}
          showChinese
          startDate={shanghaiWallClock(new Date(Date.now() - 366 * 24 * 60 * 60 * 1000))}
          endDate={shanghaiWallClock(new Date())}
          defaultValue={shanghaiWallClock(new Date())}
          onClose={() => setPickingTime(false)}
          onConfirm={(_options, [year, month, day, hour, minute]) =>
            change('incidentAt', `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}`)
          }
        />
      </View>

      <View className="feedback-form__section">
        <View className="feedback-form__row">
          <View className="feedback-form__label">匿名反馈</View>
          <Switch checked={draft.anonymous} onChange={toggleAnonymous} ariaLabel="匿名反馈" />
        </View>
        <View className="feedback-form__hint">
          匿名时工作人员看不到您是谁，您仍可在“我的反馈”里看到进度和答复。
        </View>
        <Problem message={switchNote ?? problems.anonymous} />
        {!draft.anonymous && (
          <View className="field">
            <View className="field__label">手机号（选填，方便工作人员联系您）</View>
            <Input
              className="field__input"
              name="mobile"
              type="number"
              maxLength={11}
              value={draft.mobile}
              placeholder="如 13812345678"
              onChange={(value) => change('mobile', value)}
            />
            <Problem message={problems.mobile} />
          </View>
        )}
      </View>

      <View className="feedback-form__send">
        {onSite && !data.onSiteAccepted && (
          <View className="feedback-form__hint">现在不在接待时间内，反馈会进入下一次接待日。</View>
        )}
        <View className="feedback-form__target" aria-label="提交去向">
          {data.session ? `将提交至 ${sessionLabel(data.session)}` : '这个驿站近期没有接待日安排，暂时不能提交，请联系镇法治建设科'}
        </View>
        <Problem message={refusal} />
        {problemCount > 0 && <Problem message={`还有 ${problemCount} 处需要修改，请看上面的红字`} />}
        <Button
          type="primary"
          size="large"
          block
          loading={sending}
          disabled={sending || !data.session}
          onClick={() => void send()}
        >
          提交反馈
        </Button>
      </View>
    </View>
  );
}

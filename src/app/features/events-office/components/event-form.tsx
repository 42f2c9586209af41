import { Button, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { EVENT_TYPE_LABELS, EVENT_TYPES, EventInputSchema, type EventType, type PublicEvent } from '@core/events/schemas';
import { addDays, shanghaiDateOf, shanghaiIsoString, shanghaiTimeOf } from '@core/shared/shanghai-time';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { LoadingBlock } from '../../../shared/ui/query-states';
import { TextBox } from '../../../shared/ui/text-box';
import { WindowFields } from '../../../shared/ui/window-fields';
import { eventsOfficeApi } from '../api/events-office-api';
import '../../../shared/ui/office-page.scss';
import './events-office.scss';

interface Draft {
  title: string;
  type: EventType | '';
  theme: string;
  law: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  placeName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  communityId: string;
  organiser: string;
  /** Empty: no limit on places. */
  capacity: string;
  description: string;
}

/** A week from today, in the morning: events are announced ahead. */
function emptyDraft(): Draft {
  const day = addDays(shanghaiDateOf(new Date()), 7);
  return {
    title: '',
    type: '',
    theme: '',
    law: '',
    startDate: day,
    startTime: '09:00',
    endDate: day,
    endTime: '11:30',
    placeName: '',
    address: '',
    latitude: null,
    longitude: null,
    communityId: '',
    organiser: '',
    capacity: '',
    description: '',
  };
}

function draftOf(event: PublicEvent): Draft {
  const starts = new Date(event.startsAt);
  const ends = new Date(event.endsAt);
  return {
    title: event.title,
    type: event.type,
    theme: event.theme,
    law: event.law ?? '',
    startDate: shanghaiDateOf(starts),
    startTime: shanghaiTimeOf(starts),
    endDate: shanghaiDateOf(ends),
    endTime: shanghaiTimeOf(ends),
    placeName: event.place.name,
    address: event.place.address ?? '',
    latitude: event.place.latitude,
    longitude: event.place.longitude,
    communityId: event.communityId,
    organiser: event.organiser,
    capacity: event.capacity === null ? '' : String(event.capacity),
    description: event.description,
  };
}

function bodyOf(draft: Draft) {
  const capacity = draft.capacity.trim();
  return {
    title: draft.title,
    type: draft.type || undefined,
    theme: draft.theme,
    law: draft.law.trim() || null,
    // Shanghai wall-clock time as staff read it, sent as an instant with its +08:00 offset.
    startsAt: shanghaiIsoString(draft.startDate, draft.startTime),
    endsAt: shanghaiIsoString(draft.endDate, draft.endTime),
    place: { name: draft.placeName, address: draft.address.trim() || null, latitude: draft.latitude, longitude: draft.longitude },
    communityId: draft.communityId,
    organiser: draft.organiser,
    // A typed number, or NaN for the schema to explain; empty means no limit.
    capacity: capacity === '' ? null : Number(capacity),
    description: draft.description,
  };
}

/** Problems keyed by field; the place's own problems go under the place's name. */
function problemsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const problems = problemsByField(issues);
  const placeIssue = issues.find((issue) => issue.path[0] === 'place');
  if (placeIssue) problems.place = placeIssue.message;
  return problems;
}


/** 新建活动 / 修改活动: checked as the server checks it, each problem under its field; a new one is saved as a draft. */
export function EventForm({ id }: { id?: string }) {
  const [draft, setDraft] = useState<Draft | null>(id ? null : emptyDraft);
  const [communities, setCommunities] = useState<{ id: string; name: string }[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    eventsOfficeApi
      .communities()
      .then((found) => {
        setCommunities(found);
        // A town of one community has nothing to choose.
        if (found.length === 1) setDraft((current) => (current && !current.communityId ? { ...current, communityId: found[0].id } : current));
      })
      .catch(() => setRefusal('社区（村）列表没有加载出来，请刷新重试'));
  }, []);

  useEffect(() => {
    if (!id) return;
    eventsOfficeApi
      .events()
      .then((events) => {
        const event = events.find((candidate) => candidate.id === id);
        if (event) setDraft(draftOf(event));
        else setRefusal('找不到这场活动，请回到活动列表');
      })
      .catch((error) => {
        if (!backToSignInIfNeeded(error)) setRefusal(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
      });
  }, [id]);

  if (!draft) return refusal ? <Problem message={refusal} /> : <LoadingBlock />;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => current && { ...current, [key]: value });

  async function chooseOnMap() {
    try {
      const chosen = await Taro.chooseLocation({});
      setDraft((current) => current && { ...current, latitude: chosen.latitude, longitude: chosen.longitude, address: current.address || chosen.address, placeName: current.placeName || chosen.name });
    } catch {
      // Closed without choosing: the place stays as it was.
    }
  }

  async function save() {
    if (!draft) return;
    const checked = EventInputSchema.safeParse(bodyOf(draft));
    if (!checked.success) {
      setProblems(problemsOf(checked.error.issues));
      return;
    }
    setProblems({});
    setRefusal(null);
    setSending(true);
    try {
      if (id) await eventsOfficeApi.update(id, checked.data);
      else await eventsOfficeApi.create(checked.data);
      Taro.showToast({ title: id ? '已保存' : '已存为草稿', icon: 'success' });
      void Taro.redirectTo({ url: PAGES.staffEvents });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setRefusal(error instanceof ApiRequestError ? error.message : '没有保存成功，请重试');
    } finally {
      setSending(false);
    }
  }

  const today = shanghaiDateOf(new Date());

  return (
    <View className="office-page events-office">
      <View className="office-page__title">{id ? '修改活动' : '新建活动'}</View>
      <View className="office-card">
        <Field label="活动名称" name="title" value={draft.title} onChange={(v) => change('title', v)} problem={problems.title} maxLength={40} placeholder="如：民法典进万家院坝会" />

        <View className="events-office__group" aria-label="活动类型">
          <View className="field__label">活动类型</View>
          <Radio.Group value={draft.type} direction="horizontal" shape="button" onChange={(v) => change('type', v as EventType)}>
            {EVENT_TYPES.map((type) => (
              <Radio key={type} value={type} shape="button">
                {EVENT_TYPE_LABELS[type]}
              </Radio>
            ))}
          </Radio.Group>
          <Problem message={problems.type} />
        </View>

        <Field label="主题" name="theme" value={draft.theme} onChange={(v) => change('theme', v)} problem={problems.theme} maxLength={60} />
        <Field label="相关法律（可不填）" name="law" value={draft.law} onChange={(v) => change('law', v)} problem={problems.law} maxLength={30} placeholder="如：民法典" />

        <WindowFields value={draft} onChange={change} problems={problems} firstDay={addDays(today, -30)} lastDay={addDays(today, 730)} />

        <Field label="地点" name="placeName" value={draft.placeName} onChange={(v) => change('placeName', v)} problem={problems.place} maxLength={100} placeholder="如：朝天咀社区院坝" />
        <Field label="详细地址（可不填）" name="address" value={draft.address} onChange={(v) => change('address', v)} maxLength={120} />
        {process.env.TARO_ENV === 'weapp' && (
          <Button size="small" fill="outline" onClick={() => void chooseOnMap()}>
            {draft.latitude === null ? '在地图上选点' : '已选好位置，重新选点'}
          </Button>
        )}

        {communities.length > 1 && (
          <View className="events-office__group" aria-label="社区（村）">
            <View className="field__label">社区（村）</View>
            <Radio.Group value={draft.communityId} direction="horizontal" shape="button" onChange={(v) => change('communityId', String(v))}>
              {communities.map((community) => (
                <Radio key={community.id} value={community.id} shape="button">
                  {community.name}
                </Radio>
              ))}
            </Radio.Group>
          </View>
        )}
        <Problem message={problems.communityId} />

        <Field label="主办单位" name="organiser" value={draft.organiser} onChange={(v) => change('organiser', v)} problem={problems.organiser} maxLength={40} placeholder="如：镇法治建设科" />
        <Field label="名额（不填则不限）" name="capacity" value={draft.capacity} onChange={(v) => change('capacity', v)} problem={problems.capacity} maxLength={4} />
        <TextBox label="活动介绍" value={draft.description} onChange={(v) => change('description', v)} maxLength={2000} problem={problems.description} />

        <Problem message={refusal} />
        <Button type="primary" size="large" loading={sending} disabled={sending} onClick={() => void save()}>
          {id ? '保存修改' : '存为草稿'}
        </Button>
      </View>

    </View>
  );
}

import { Button, Checkbox, SearchBar } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, FEEDBACK_STATUSES, InboxQuerySchema } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS } from '@core/feedback/workflow';
import { ChoiceRow } from '../../../shared/ui/choice-row';
import { Field, Problem } from '../../../shared/ui/field';
import type { InboxFilters } from './inbox-query';

interface InboxFiltersProps {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
  stations: readonly { id: string; name: string }[];
  categories: readonly { id: string; name: string }[];
}

/**
 * The inbox's filters. Choices apply when tapped; the typed ones (search words, session day) when
 * 查询 is pressed, so a half-typed date never empties the list and nothing typed is lost meanwhile.
 */
export function InboxFiltersBar({ filters, onChange, stations, categories }: InboxFiltersProps) {
  const [words, setWords] = useState(filters.q ?? '');
  const [sessionDate, setSessionDate] = useState(filters.sessionDate ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (key: 'stationId' | 'status' | 'categoryId' | 'kind') => (value: string) =>
    onChange({ ...filters, [key]: value || undefined });
  const toggle = (key: 'overdue' | 'flagged') => (on: boolean) => onChange({ ...filters, [key]: on ? '1' : undefined });

  function applyTyped() {
    const typed = { q: words.trim() || undefined, sessionDate: sessionDate.trim() || undefined };
    const checked = InboxQuerySchema.safeParse({ ...filters, ...typed });
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '筛选条件有误');
      return;
    }
    setProblem(null);
    onChange({ ...filters, ...typed });
  }

  function clearAll() {
    setWords('');
    setSessionDate('');
    setProblem(null);
    onChange({});
  }

  return (
    <View className="inbox-filters">
      <View className="inbox-filters__typed">
        <SearchBar
          className="inbox-filters__search"
          placeholder="搜索反馈内容或编号"
          value={words}
          maxLength={50}
          onChange={setWords}
          onSearch={applyTyped}
        />
        <Field label="接待日" name="sessionDate" placeholder="如 2026-11-15" value={sessionDate} onChange={setSessionDate} maxLength={10} />
        <View className="inbox-filters__buttons">
          <Button type="primary" onClick={applyTyped}>
            查询
          </Button>
          <Button fill="outline" onClick={clearAll}>
            清除筛选
          </Button>
        </View>
      </View>
      <Problem message={problem} />
      {stations.length > 1 && (
        <ChoiceRow
          label="驿站"
          value={filters.stationId ?? ''}
          choices={stations.map((s) => ({ value: s.id, label: s.name }))}
          onChange={choose('stationId')}
        />
      )}
      <ChoiceRow
        label="状态"
        value={filters.status ?? ''}
        choices={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s] }))}
        onChange={choose('status')}
      />
      <ChoiceRow
        label="类型"
        value={filters.kind ?? ''}
        choices={FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }))}
        onChange={choose('kind')}
      />
      <ChoiceRow
        label="类别"
        value={filters.categoryId ?? ''}
        choices={categories.map((c) => ({ value: c.id, label: c.name }))}
        onChange={choose('categoryId')}
      />
      <View className="choice-row">
        <Checkbox shape="button" label="只看超期" checked={filters.overdue === '1'} onChange={toggle('overdue')} />
        <Checkbox shape="button" label="只看研判" checked={filters.flagged === '1'} onChange={toggle('flagged')} />
      </View>
    </View>
  );
}

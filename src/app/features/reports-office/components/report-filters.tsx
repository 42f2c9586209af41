import { DatePicker, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { ReportPeriod } from '@core/reports/period';
import { parseLocalDate, type LocalDate } from '@core/shared/shanghai-time';
import { Problem } from '../../../shared/ui/field';
import { pad2, pickerDate } from '../../../shared/ui/picker-date';
import type { ReportQueryState } from '../hooks/use-report-query';
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, periodLabel, type PeriodPreset } from '../period-presets';
import '../../../shared/ui/office-page.scss';
import './reports-office.scss';

const END_LABELS: Record<keyof ReportPeriod, string> = { from: '开始日期', to: '结束日期' };

/** 开始日期 and 结束日期 of 自定义, each tapped open into NutUI's date picker; the last ten years up to today. */
function CustomPeriod({ value, today, onChange }: { value: ReportPeriod; today: LocalDate; onChange: ReportQueryState['changeCustom'] }) {
  const [picking, setPicking] = useState<keyof ReportPeriod | null>(null);
  const { year } = parseLocalDate(today);
  const shown = value[picking ?? 'from'];
  // The picker resets its wheels whenever it is handed a new Date: one per day shown, not per render.
  const pickerValue = useMemo(() => pickerDate(shown), [shown]);
  const range = useMemo(() => ({ start: pickerDate(`${year - 10}-01-01`), end: pickerDate(today) }), [year, today]);
  return (
    <View className="report-filters__custom">
      {(['from', 'to'] as const).map((end) => (
        <View key={end} className="report-filters__date">
          <View className="report-filters__label">{END_LABELS[end]}</View>
          <View className="report-filters__date-value" role="button" aria-label={END_LABELS[end]} onClick={() => setPicking(end)}>
            {value[end]}
          </View>
        </View>
      ))}
      <DatePicker
        title={picking ? `选择${END_LABELS[picking]}` : '选择日期'}
        type="date"
        visible={picking !== null}
        showChinese
        startDate={range.start}
        endDate={range.end}
        value={pickerValue}
        onClose={() => setPicking(null)}
        onConfirm={(_options, [y, m, d]) => {
          if (picking) onChange(picking, `${y}-${pad2(m)}-${pad2(d)}`);
        }}
      />
    </View>
  );
}

interface ReportFiltersBarProps {
  state: ReportQueryState;
  communities: readonly { id: string; name: string }[];
}

/** The period (本年 … 自定义) and the community (全镇 or one) a report is for, and what is in force now. */
export function ReportFiltersBar({ state, communities }: ReportFiltersBarProps) {
  const { filters, query, problem, today } = state;
  const communityName = communities.find((community) => community.id === query.community)?.name;
  return (
    <View className="office-card report-filters">
      <View className="report-filters__row" aria-label="统计期间">
        <View className="report-filters__label">期间</View>
        <Radio.Group value={filters.preset} direction="horizontal" shape="button" onChange={(chosen) => state.choosePreset(chosen as PeriodPreset)}>
          {PERIOD_PRESETS.map((preset) => (
            <Radio key={preset} value={preset} shape="button">
              {PERIOD_PRESET_LABELS[preset]}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      {filters.preset === 'custom' && <CustomPeriod value={filters.custom} today={today} onChange={state.changeCustom} />}
      <Problem message={problem} />
      {communities.length > 0 && (
        <View className="report-filters__row" aria-label="社区（村）">
          <View className="report-filters__label">范围</View>
          <Radio.Group value={filters.community} direction="horizontal" shape="button" onChange={(chosen) => state.chooseCommunity(String(chosen))}>
            {[{ id: '', name: '全镇' }, ...communities].map((community) => (
              <Radio key={community.id} value={community.id} shape="button">
                {community.name}
              </Radio>
            ))}
          </Radio.Group>
        </View>
      )}
      <View className="report-filters__in-force" aria-label="当前统计范围">
        {periodLabel(query)} · {query.community ? (communityName ?? query.community) : '全镇'}（按北京时间）
      </View>
    </View>
  );
}

import { DatePicker } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { LocalDate } from '@core/shared/shanghai-time';
import { Problem } from './field';
import { pad2, pickerDate } from './picker-date';
import './window-fields.scss';

/** A time window as an office form edits it: Shanghai wall-clock days and times. */
export interface WindowDraft {
  startDate: LocalDate;
  startTime: string;
  endDate: LocalDate;
  endTime: string;
}
type WindowField = keyof WindowDraft;

function PickedValue({ label, value, onOpen, problem }: { label: string; value: string; onOpen: () => void; problem?: string }) {
  return (
    <View className="picked-value">
      <View className="field__label">{label}</View>
      <View className="picked-value__value" role="button" aria-label={label} onClick={onOpen}>
        {value}
      </View>
      <Problem message={problem} />
    </View>
  );
}

interface WindowFieldsProps {
  value: WindowDraft;
  onChange: (field: WindowField, value: string) => void;
  problems: { startsAt?: string; endsAt?: string };
  /** The days the date picker offers. */
  firstDay: LocalDate;
  lastDay: LocalDate;
}

/** 开始 and 结束 as four values tapped open into NutUI's date and time pickers, in Beijing time. */
export function WindowFields({ value, onChange, problems, firstDay, lastDay }: WindowFieldsProps) {
  const [picking, setPicking] = useState<WindowField | null>(null);
  return (
    <View className="window-fields">
      <View className="window-fields__values">
        <PickedValue label="开始日期" value={value.startDate} onOpen={() => setPicking('startDate')} />
        <PickedValue label="开始时间" value={value.startTime} onOpen={() => setPicking('startTime')} problem={problems.startsAt} />
        <PickedValue label="结束日期" value={value.endDate} onOpen={() => setPicking('endDate')} />
        <PickedValue label="结束时间" value={value.endTime} onOpen={() => setPicking('endTime')} problem={problems.endsAt} />
      </View>
      <View className="window-fields__hint">按北京时间</View>
      <DatePicker
        title="选择日期"
        type="date"
        visible={picking === 'startDate' || picking === 'endDate'}
        showChinese
        startDate={pickerDate(firstDay, '00:00')}
        endDate={pickerDate(lastDay, '23:59')}
        value={pickerDate(picking === 'endDate' ? value.endDate : value.startDate, '00:00')}
        onClose={() => setPicking(null)}
        onConfirm={(_options, [year, month, day]) => {
          if (picking === 'startDate' || picking === 'endDate') onChange(picking, `${year}-${pad2(month)}-${pad2(day)}`);
        }}
      />
      <DatePicker
        title="选择时间"
        type="hour-minutes"
        visible={picking === 'startTime' || picking === 'endTime'}
        showChinese
        value={pickerDate(firstDay, picking === 'endTime' ? value.endTime : value.startTime)}
        onClose={() => setPicking(null)}
        onConfirm={(_options, [hours, minutes]) => {
          if (picking === 'startTime' || picking === 'endTime') onChange(picking, `${pad2(hours)}:${pad2(minutes)}`);
        }}
      />
    </View>
  );
}

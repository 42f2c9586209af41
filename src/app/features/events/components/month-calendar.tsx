import { View } from '@tarojs/components';
import type { PublicEvent } from '@core/events/schemas';
import type { LocalDate } from '@core/shared/shanghai-time';
import { monthDayLabel } from '../../../shared/format/session-label';
import { calendarWeeks, parseMonth, type CalendarDay, type DatedKeyDate } from '../calendar-month';

const WEEKDAY_HEADS = ['一', '二', '三', '四', '五', '六', '日'];

interface MonthCalendarProps {
  month: string;
  events: PublicEvent[];
  keyDates: DatedKeyDate[];
  chosenDay: LocalDate | null;
  today: LocalDate;
  onChoose: (day: LocalDate) => void;
}

function dayLabel(day: CalendarDay): string {
  const parts = [monthDayLabel(day.date)];
  if (day.events.length > 0) parts.push(`${day.events.length} 场活动`);
  for (const keyDate of day.keyDates) parts.push(keyDate.name);
  return parts.join('，');
}

/**
 * A light month grid of our own: NutUI's Calendar is a popup date chooser far heavier than this, and this
 * tab page ships in the main package every resident downloads.
 */
export function MonthCalendar({ month, events, keyDates, chosenDay, today, onChoose }: MonthCalendarProps) {
  const weeks = calendarWeeks(month, events, keyDates);
  return (
    <View className="month-calendar" aria-label="活动日历">
      <View className="month-calendar__week month-calendar__week--heads">
        {WEEKDAY_HEADS.map((head) => (
          <View key={head} className="month-calendar__cell month-calendar__weekday">
            {head}
          </View>
        ))}
      </View>
      {weeks.map((week, index) => (
        <View key={index} className="month-calendar__week">
          {week.map((day, column) =>
            day ? (
              <View
                key={day.date}
                className={[
                  'month-calendar__cell',
                  'month-calendar__day',
                  day.keyDates.length > 0 && 'month-calendar__day--key',
                  day.date === today && 'month-calendar__day--today',
                  day.date === chosenDay && 'month-calendar__day--chosen',
                ]
                  .filter(Boolean)
                  .join(' ')}
                role="button"
                aria-label={dayLabel(day)}
                onClick={() => onChoose(day.date)}
              >
                <View className="month-calendar__number">{day.day}</View>
                {day.events.length > 0 && <View className="month-calendar__dot" />}
              </View>
            ) : (
              <View key={`blank-${column}`} className="month-calendar__cell" />
            ),
          )}
        </View>
      ))}
      <View className="month-calendar__legend">
        <View className="month-calendar__legend-key">红底：宣传日</View>
        <View className="month-calendar__legend-dot">圆点：有活动</View>
      </View>
    </View>
  );
}

/** Which month is shown, with a step back and forth: the list and the calendar follow it. */
export function MonthSwitcher({ month, onMonth }: { month: string; onMonth: (by: number) => void }) {
  const { year, month: monthOfYear } = parseMonth(month);
  return (
    <View className="month-switcher">
      <View className="month-switcher__shift" role="button" aria-label="上个月" onClick={() => onMonth(-1)}>
        ‹ 上月
      </View>
      <View className="month-switcher__title" aria-label="所看月份">{`${year}年${monthOfYear}月`}</View>
      <View className="month-switcher__shift" role="button" aria-label="下个月" onClick={() => onMonth(1)}>
        下月 ›
      </View>
    </View>
  );
}

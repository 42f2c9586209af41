import Taro from '@tarojs/taro';
import type { CalendarEntry } from '@core/shared/icalendar';

/**
 * Adds one dated entry to the phone's calendar; resolves false when the person declines. Browsers
 * have no calendar API: they open the entry's .ics file at `icsUrl` instead.
 */
export async function addToPhoneCalendar(entry: CalendarEntry, icsUrl: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = icsUrl;
    return true;
  }
  try {
    await Taro.addPhoneCalendar({
      title: entry.title,
      description: entry.description,
      location: entry.location,
      startTime: Math.floor(entry.startsAt.getTime() / 1000),
      // WeChat takes a number here (its current docs); Taro's typing still says string.
      endTime: Math.floor(entry.endsAt.getTime() / 1000) as unknown as string,
      alarm: true,
      alarmOffset: entry.remindMinutesBefore * 60,
    });
    return true;
  } catch {
    return false;
  }
}

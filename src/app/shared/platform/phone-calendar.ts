import Taro from '@tarojs/taro';

export interface PhoneCalendarEntry {
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  remindSecondsBefore: number;
  /** The .ics file for browsers, which have no calendar API. */
  icsUrl: string;
}

/** Adds one dated entry to the phone's calendar; resolves false when the person declines. */
export async function addToPhoneCalendar(entry: PhoneCalendarEntry): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = entry.icsUrl;
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
      alarmOffset: entry.remindSecondsBefore,
    });
    return true;
  } catch {
    return false;
  }
}

import { parseLocalDate, type LocalDate } from '@core/shared/shanghai-time';

/** A picker's month, day, hour or minute as two digits. */
export const pad2 = (value: unknown) => String(value).padStart(2, '0');

/** NutUI's DatePicker reads and shows a Date's local fields: these carry the Shanghai wall-clock day and time. */
export function pickerDate(date: LocalDate, time = '00:00'): Date {
  const { year, month, day } = parseLocalDate(date);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

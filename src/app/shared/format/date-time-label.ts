import { shanghaiDateOf, shanghaiTimeOf } from '@core/shared/shanghai-time';

/** `2026-11-15 09:30` in Shanghai, whatever the timezone of the desk computer or phone. */
export function dateTimeLabel(iso: string): string {
  const instant = new Date(iso);
  return `${shanghaiDateOf(instant)} ${shanghaiTimeOf(instant)}`;
}

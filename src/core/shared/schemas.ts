import * as z from 'zod/mini';
import { isLocalDate, isLocalTime } from './shanghai-time';

/** A `YYYY-MM-DD` day that exists in the calendar; `label` names the field for the message. */
export function localDateSchema(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label}不能为空` : `${label}应为一个日期，格式如 2026-01-31`) })
    .check(z.refine(isLocalDate, `${label}应为存在的日期，格式如 2026-01-31`));
}

export function localTimeSchema(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label}不能为空` : `${label}应为一个时间，格式如 09:00`) })
    .check(z.refine(isLocalTime, `${label}应为 24 小时制时间，格式如 09:00`));
}

export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Each problem of a refused file, by row (1-based, as a spreadsheet or list numbers it). */
  problems: z.optional(z.array(z.object({ row: z.int(), message: z.string() }))),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

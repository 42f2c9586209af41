import type { StaffQuestion } from '@core/quiz/schemas';

export const SOURCE_LABELS: Record<StaffQuestion['source'], string> = {
  bank: '题库原题',
  edited: '已修改',
  imported: '导入',
};

export const REPORT_STATUS_LABELS = {
  open: '待处理',
  fixed: '已修改',
  retired: '已停用',
  dismissed: '不予采纳',
} as const;

/** The 、-separated tags staff type, as a list; and back. */
export function tagsFrom(typed: string): string[] {
  return typed
    .split(/[、,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Article numbers as staff type them (1079, 1080 or 1079、1080): NaN for anything else, for the schema to explain. */
export function articleNumbersFrom(typed: string): number[] {
  return typed
    .split(/[、,，\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The sharer as a shared path carries them: their grid and their short code. */
export interface Sharer {
  gridId: string;
  sharerCode: string;
}

/**
 * A page path with its query, plus the sharer's grid (`g`) and code (`s`) when a grid worker shares:
 * WeChat gives no callback on sharing, so the opened path itself must say who shared it.
 */
export function sharePath(page: string, query: Record<string, string>, sharer: Sharer | null): string {
  const params = { ...query, ...(sharer ? { g: sharer.gridId, s: sharer.sharerCode } : {}) };
  const search = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${page}?${search}` : page;
}

/** The sharer a page was opened with, if its query carries one. */
export function sharerOf(query: Record<string, string | undefined>): { sharer: string; grid: string } | null {
  return query.s && query.g ? { sharer: query.s, grid: query.g } : null;
}

/** The daily quiz as a shared item: each day's quiz its own, so that each day's card counts for that day. */
export function dailyQuizItemId(date: string): string {
  return `daily/${date}`;
}

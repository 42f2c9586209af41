import type { ExportQuery } from '@core/reports/schemas';
import { shanghaiMinute } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { communityOr404, scopeOf, type Scope } from '../reports/scope';
import type { Cell, ExportFile } from './table-writer';

/** Rows per query: a 100,000-row export reads a hundred pages and never holds more than one. */
export const PAGE_ROWS = 1000;

/**
 * A query read page by page (keyset): each page starts after the last row of the one before, so a page
 * costs the same at the end of a table as at its start. `readPage` orders by a key that is unique, takes
 * at most PAGE_ROWS rows, and continues with `(key columns) > (the last row's values)`: that row-value
 * comparison starts the range in the index on the key's first column, on SQLite and PostgreSQL alike.
 */
export async function* inPages<Row>(readPage: (after: Row | undefined) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    const page = await readPage(after);
    if (page.length > 0) yield page;
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1];
  }
}

/** What one export covers: the dashboard's scope, and the community's name for the file's. */
export interface ExportScope extends Scope {
  community: { id: string; name: string } | null;
}

/** Checked before the first byte leaves: once the file has started, an error can only cut it short. */
export async function exportScope(db: Database, query: ExportQuery): Promise<ExportScope> {
  const community = query.community ? await communityOr404(db, query.community) : null;
  return { ...scopeOf({ from: query.from, to: query.to }, community?.id ?? null), community };
}

/** e.g. 反馈-2026-01-01至2026-12-31-<社区名> / feedback-2026-01-01-2026-12-31-<community id>. */
export function exportFile(scope: ExportScope, name: string, asciiName: string): ExportFile {
  const { from, to } = scope.period;
  return {
    name: `${name}-${from}至${to}${scope.community ? `-${scope.community.name}` : ''}`,
    asciiName: `${asciiName}-${from}-${to}${scope.community ? `-${scope.community.id}` : ''}`,
  };
}

/** A stored instant as the office reads it, Shanghai time to the minute; an empty cell for none. */
export function minuteCell(instant: string | null): Cell {
  return instant === null ? null : shanghaiMinute(new Date(instant));
}

export function yesNo(value: boolean): string {
  return value ? '是' : '否';
}

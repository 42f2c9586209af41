import Taro from '@tarojs/taro';
import { InboxQuerySchema } from '@core/feedback/schemas';
import type { InboxQuery } from '../api/office-api';

export type InboxFilters = Omit<InboxQuery, 'page'>;

const STORAGE_KEY = 'staff.inbox.query';

/** The filters and page last used on this computer, so the inbox opens where the person left it. */
export function storedInboxQuery(): { filters: InboxFilters; page: number } {
  const parsed = InboxQuerySchema.safeParse(Taro.getStorageSync(STORAGE_KEY) || {});
  if (!parsed.success) return { filters: {}, page: 1 };
  const { page, ...filters } = parsed.data;
  return { filters, page };
}

export function storeInboxQuery(filters: InboxFilters, page: number): void {
  Taro.setStorageSync(STORAGE_KEY, { ...filters, page });
}

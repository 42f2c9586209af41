/** Failures allowed before the first lock-out. */
export const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;

/**
 * How long to lock after the given number of consecutive failures: nothing for the first few,
 * then one minute, doubling with each further failure, up to an hour.
 */
export function lockMinutesAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MINUTES);
}

/** "请 N 分钟后再试", rounded up so that a person never comes back too early. */
export function waitMessage(lockedUntil: Date, now: Date, what: string): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `${what}错误次数过多，请 ${minutes} 分钟后再试`;
}

import { lockMinutesAfter, waitMessage } from './lockout';

test('the first four failures cost nothing; then the wait doubles up to an hour', () => {
  expect([1, 2, 3, 4].map(lockMinutesAfter)).toEqual([0, 0, 0, 0]);
  expect([5, 6, 7, 8, 9, 10, 11, 12].map(lockMinutesAfter)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
});

test('the wait is told in whole minutes, rounded up', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  expect(waitMessage(new Date('2026-11-26T10:00:01Z'), now, '密码')).toBe('密码错误次数过多，请 1 分钟后再试');
  expect(waitMessage(new Date('2026-11-26T10:02:01Z'), now, '绑定码')).toBe('绑定码错误次数过多，请 3 分钟后再试');
});

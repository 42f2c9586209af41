import { supervisorStatus } from './supervisor-term';

const term = { termStart: '2026-01-01', termEnd: '2027-12-31' };

test('rights hold from the first to the last day of the term, both included', () => {
  expect(supervisorStatus(term, false, '2025-12-31')).toBe('not_started');
  expect(supervisorStatus(term, false, '2026-01-01')).toBe('active');
  expect(supervisorStatus(term, false, '2027-12-31')).toBe('active');
  expect(supervisorStatus(term, false, '2028-01-01')).toBe('expired');
});

test('a revoked supervisor is revoked whatever the date', () => {
  expect(supervisorStatus(term, true, '2026-06-01')).toBe('revoked');
});

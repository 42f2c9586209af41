import { rankAttempts, type RankableAttempt } from './ranking';

const attempt = (participantId: string, score: number, secondsTaken: number, submittedAt: string): RankableAttempt => ({
  participantId,
  score,
  secondsTaken,
  submittedAt: new Date(submittedAt),
});

const summary = (attempts: RankableAttempt[]) => rankAttempts(attempts).map((a) => `${a.rank} ${a.participantId}`);

test('higher score first, then less time taken', () => {
  expect(
    summary([
      attempt('slow-full', 100, 300, '2026-12-04T10:05:00+08:00'),
      attempt('low', 60, 90, '2026-12-04T10:01:00+08:00'),
      attempt('fast-full', 100, 120, '2026-12-04T10:09:00+08:00'),
    ]),
  ).toEqual(['1 fast-full', '2 slow-full', '3 low']);
});

test('equal score and time share a rank and the next rank is skipped (1, 2, 2, 4); the earlier submission is listed first', () => {
  expect(
    summary([
      attempt('later', 80, 200, '2026-12-04T10:30:00+08:00'),
      attempt('first', 90, 200, '2026-12-04T10:00:00+08:00'),
      attempt('last', 70, 100, '2026-12-04T09:00:00+08:00'),
      attempt('earlier', 80, 200, '2026-12-04T10:10:00+08:00'),
    ]),
  ).toEqual(['1 first', '2 earlier', '2 later', '4 last']);
});

test('equal score but different time is no tie', () => {
  expect(
    summary([attempt('b', 80, 201, '2026-12-04T10:00:00+08:00'), attempt('a', 80, 200, '2026-12-04T10:30:00+08:00')]),
  ).toEqual(['1 a', '2 b']);
});

test('a participant with several attempts is ranked once, on the best of them', () => {
  const ranked = rankAttempts([
    attempt('repeat', 60, 100, '2026-12-04T10:00:00+08:00'),
    attempt('other', 80, 150, '2026-12-04T10:00:00+08:00'),
    attempt('repeat', 90, 240, '2026-12-04T11:00:00+08:00'),
    attempt('repeat', 90, 260, '2026-12-04T12:00:00+08:00'),
  ]);
  expect(ranked.map((a) => [a.rank, a.participantId, a.score, a.secondsTaken])).toEqual([
    [1, 'repeat', 90, 240],
    [2, 'other', 80, 150],
  ]);
});

test('what the caller attached to an attempt comes back with its rank', () => {
  const [ranked] = rankAttempts([{ ...attempt('p', 100, 60, '2026-12-04T10:00:00+08:00'), attemptId: 'a-1' }]);
  expect(ranked).toMatchObject({ rank: 1, attemptId: 'a-1' });
});

test('no attempts, no ranking', () => {
  expect(rankAttempts([])).toEqual([]);
});

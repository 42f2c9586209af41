/** One submitted contest attempt, as the ranking needs it. */
export interface RankableAttempt {
  participantId: string;
  score: number;
  /** Whole seconds from the start of the attempt to its submission, so that milliseconds do not split a tie. */
  secondsTaken: number;
  submittedAt: Date;
}

export type Ranked<T> = T & { rank: number };

/** Higher score first, then less time taken, then the earlier submission. */
export function compareAttempts(a: RankableAttempt, b: RankableAttempt): number {
  return b.score - a.score || a.secondsTaken - b.secondsTaken || a.submittedAt.getTime() - b.submittedAt.getTime();
}

/**
 * The contest's ranking: each participant once, with their best attempt. Equal score and equal time
 * share a rank and the next rank is skipped (1, 2, 2, 4); within a shared rank the earlier submission
 * is listed first.
 */
export function rankAttempts<T extends RankableAttempt>(attempts: readonly T[]): Ranked<T>[] {
  const best = new Map<string, T>();
  for (const attempt of attempts) {
    const kept = best.get(attempt.participantId);
    if (!kept || compareAttempts(attempt, kept) < 0) best.set(attempt.participantId, attempt);
  }
  const ordered = [...best.values()].sort(compareAttempts);
  const ranked: Ranked<T>[] = [];
  ordered.forEach((attempt, index) => {
    const previous = ranked[index - 1];
    const tied = previous && previous.score === attempt.score && previous.secondsTaken === attempt.secondsTaken;
    ranked.push({ ...attempt, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}

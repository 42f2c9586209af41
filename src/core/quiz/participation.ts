/** A community or a grid with its population, as the town configuration gives it. */
export interface PopulationUnit {
  id: string;
  name: string;
  population: number;
}

/** One person who took part, and the community or grid they belong to (null: none known, e.g. a guest). */
export interface Participant {
  personId: string;
  unitId: string | null;
}

export interface ParticipationRow {
  id: string;
  name: string;
  participants: number;
  population: number;
  /** Percent to one decimal; null where no population is configured, rather than Infinity or NaN. */
  rate: number | null;
}

export interface ParticipationTable {
  rows: ParticipationRow[];
  /** People who took part without belonging to any configured unit: counted here, never guessed into a row. */
  unassigned: number;
}

/** participants / population as a percentage to one decimal, or null when there is no population to divide by. */
export function participationRate(participants: number, population: number): number | null {
  if (!Number.isFinite(population) || population <= 0) return null;
  return Math.round((participants * 1000) / population) / 10;
}

/**
 * Participation by community or by grid. A person counts once however many attempts they made; every
 * configured unit gets a row, those nobody from took part included.
 */
export function participationByUnit(units: readonly PopulationUnit[], participants: readonly Participant[]): ParticipationTable {
  const unitOfPerson = new Map<string, string | null>();
  for (const participant of participants) unitOfPerson.set(participant.personId, participant.unitId);
  const counts = new Map<string, number>();
  for (const unitId of unitOfPerson.values()) {
    if (unitId !== null) counts.set(unitId, (counts.get(unitId) ?? 0) + 1);
  }
  const rows = units.map((unit) => {
    const count = counts.get(unit.id) ?? 0;
    const rate = participationRate(count, unit.population);
    return { id: unit.id, name: unit.name, participants: count, population: unit.population, rate };
  });
  const counted = rows.reduce((sum, row) => sum + row.participants, 0);
  return { rows, unassigned: unitOfPerson.size - counted };
}

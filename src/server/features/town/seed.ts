import type { TownConfig } from '@core/town/town-config';
import type { Transaction } from 'kysely';
import type { Database, DatabaseSchema } from '../../db/schema';

/** Settings the office may change at any time: brought up to date on every start. */
async function refreshFeedbackSettings(trx: Transaction<DatabaseSchema>, town: TownConfig): Promise<void> {
  const { categories, replyWorkingDays, workCalendar } = town.feedback;
  await trx.updateTable('town').set({ replyWorkingDays }).where('id', '=', 1).execute();
  for (const [position, category] of categories.entries()) {
    await trx
      .insertInto('feedbackCategory')
      .values({ ...category, position })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: category.name, position }))
      .execute();
  }
  const configured = categories.map((c) => c.id);
  const dropped = await trx.selectFrom('feedbackCategory').select('id').where('id', 'not in', configured).execute();
  for (const { id } of dropped) {
    const used = await trx.selectFrom('feedbackItem').select('id').where('categoryId', '=', id).executeTakeFirst();
    if (used) throw new Error(`Feedback category ${id} is used by feedback items and cannot be removed from the configuration`);
    await trx.deleteFrom('feedbackCategory').where('id', '=', id).execute();
  }
  await trx.deleteFrom('workCalendarDay').execute();
  const days = [
    ...workCalendar.holidays.map((date) => ({ date, kind: 'holiday' as const })),
    ...workCalendar.workdays.map((date) => ({ date, kind: 'workday' as const })),
  ];
  if (days.length > 0) await trx.insertInto('workCalendarDay').values(days).execute();
}

/** Residents per community and grid change with each census: the configuration's figures win on every start. */
async function refreshPopulations(trx: Transaction<DatabaseSchema>, town: TownConfig): Promise<void> {
  for (const { id, population } of town.communities) {
    await trx.updateTable('community').set({ population: population ?? null }).where('id', '=', id).execute();
  }
  for (const { id, population } of town.grids) {
    await trx.updateTable('grid').set({ population: population ?? null }).where('id', '=', id).execute();
  }
}

/** The office's public contact follows the configuration on every start; removed there, it is removed here. */
async function refreshContact(trx: Transaction<DatabaseSchema>, town: TownConfig): Promise<void> {
  await trx
    .updateTable('town')
    .set({ hotline: town.contact?.hotline ?? null, email: town.contact?.email ?? null })
    .where('id', '=', 1)
    .execute();
}

/**
 * Fills an empty database with the town's configuration; what is already there is left as it is,
 * except that grids added to the configuration since are added too (grid workers are bound to them)
 * and the feedback settings, populations and the office's contact are brought up to date.
 */
export async function seedTownIfEmpty(db: Database, town: TownConfig): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('town').select('id').executeTakeFirst();
    if (existing) {
      for (const grid of town.grids) {
        await trx.insertInto('grid').values(grid).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      await refreshFeedbackSettings(trx, town);
      await refreshPopulations(trx, town);
      await refreshContact(trx, town);
      return false;
    }
    await trx
      .insertInto('town')
      .values({ id: 1, name: town.name, district: town.district, city: town.city, office: town.office })
      .execute();
    await trx.insertInto('community').values(town.communities).execute();
    await trx
      .insertInto('station')
      .values(
        town.stations.map((s, position) => ({
          id: s.id,
          position,
          name: s.name,
          subtitle: s.subtitle,
          communityId: s.communityId,
          address: s.address,
          latitude: s.latitude,
          longitude: s.longitude,
          daysOfMonth: s.daysOfMonth.join(','),
          windowStart: s.window.start,
          windowEnd: s.window.end,
        })),
      )
      .execute();
    if (town.grids.length > 0) await trx.insertInto('grid').values(town.grids).execute();
    await refreshFeedbackSettings(trx, town);
    await refreshPopulations(trx, town);
    await refreshContact(trx, town);
    return true;
  });
}

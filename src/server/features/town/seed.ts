import type { TownConfig } from '@core/town/town-config';
import type { Database } from '../../db/schema';

/**
 * Fills an empty database with the town's configuration; what is already there is left as it is,
 * except that grids added to the configuration since are added too (grid workers are bound to them).
 */
export async function seedTownIfEmpty(db: Database, town: TownConfig): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('town').select('id').executeTakeFirst();
    if (existing) {
      for (const grid of town.grids) {
        await trx.insertInto('grid').values(grid).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
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
    return true;
  });
}

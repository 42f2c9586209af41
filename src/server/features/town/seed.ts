import type { TownConfig } from '@core/town/town-config';
import type { Database } from '../../db/schema';

/**
 * Fills an empty database with the town's configuration; what is already there is left as it is.
 * Grids came with a later migration, so they are seeded on their own once their table is empty.
 */
export async function seedTownIfEmpty(db: Database, town: TownConfig): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const noGrids = !(await trx.selectFrom('grid').select('id').executeTakeFirst());
    const existing = await trx.selectFrom('town').select('id').executeTakeFirst();
    if (existing) {
      if (noGrids && town.grids.length > 0) await trx.insertInto('grid').values(town.grids).execute();
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

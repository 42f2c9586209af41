import fs from 'node:fs';
import { TownConfigSchema } from '../../src/core/town/town-config';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { contactWarning, loadTownConfig } from '../../src/server/features/town/town-config-file';
import { closeTestDatabase, createTestDatabase, townFile, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => closeTestDatabase(database));

test('data/town.json is a valid town configuration', () => {
  const town = loadTownConfig(townFile);
  expect(town.stations.length).toBeGreaterThan(0);
  for (const station of town.stations) {
    expect(town.communities.map((c) => c.id)).toContain(station.communityId);
  }
});

test('a configuration with a reversed window or an unknown community is refused with the reason', () => {
  const town = JSON.parse(fs.readFileSync(townFile, 'utf8'));
  const broken = {
    ...town,
    stations: [{ ...town.stations[0], communityId: 'nowhere', window: { start: '11:30', end: '09:00' } }],
  };
  const result = TownConfigSchema.safeParse(broken);
  expect(result.success).toBe(false);
  const messages = result.error?.issues.map((i) => i.message) ?? [];
  expect(messages).toContain('接待时间的结束应晚于开始');
  expect(messages).toContain('每个驿站的 communityId 都必须是已配置的社区');
});

test('seeding fills an empty database once and leaves a seeded one alone', async () => {
  const { db } = database.handle;
  const before = await db.selectFrom('station').selectAll().execute();
  expect(before).toHaveLength(loadTownConfig(townFile).stations.length);
  await db.updateTable('station').set({ windowStart: '08:30' }).execute();
  expect(await seedTownIfEmpty(db, loadTownConfig(townFile))).toBe(false);
  const after = await db.selectFrom('station').select('windowStart').execute();
  expect(after.every((s) => s.windowStart === '08:30')).toBe(true);
});

describe('the office’s public contact', () => {
  const contactOf = () => database.handle.db.selectFrom('town').select(['hotline', 'email']).executeTakeFirstOrThrow();

  test('is saved from the configuration on every start, and removed when the configuration drops it', async () => {
    const town = loadTownConfig(townFile);
    expect(await contactOf()).toEqual({ hotline: town.contact?.hotline ?? null, email: town.contact?.email ?? null });
    await seedTownIfEmpty(database.handle.db, { ...town, contact: { hotline: '023-47000000', email: 'fazhi@example.gov.cn' } });
    expect(await contactOf()).toEqual({ hotline: '023-47000000', email: 'fazhi@example.gov.cn' });
    await seedTownIfEmpty(database.handle.db, { ...town, contact: { hotline: '023-47000001' } });
    expect(await contactOf()).toEqual({ hotline: '023-47000001', email: null });
    await seedTownIfEmpty(database.handle.db, { ...town, contact: undefined });
    expect(await contactOf()).toEqual({ hotline: null, email: null });
  });

  test('start warns when the configuration lacks it, naming what is missing', () => {
    const town = loadTownConfig(townFile);
    expect(contactWarning({ ...town, contact: undefined })).toBe(
      '注意：town.json 没有配置办公室的热线电话（contact.hotline）和电子信箱（contact.email），公开信息页将不显示。请补上后重新启动。',
    );
    expect(contactWarning({ ...town, contact: { hotline: '023-47000000' } })).toContain('没有配置办公室的电子信箱（contact.email）');
    expect(contactWarning({ ...town, contact: { hotline: '023-47000000', email: 'fazhi@example.gov.cn' } })).toBeNull();
  });

  test('a mistyped hotline or e-mail is refused with the reason', () => {
    const town = JSON.parse(fs.readFileSync(townFile, 'utf8'));
    const result = TownConfigSchema.safeParse({ ...town, contact: { hotline: '电话 47000000', email: 'fazhi.example.gov.cn' } });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['热线电话只能含数字和连字符，如 023-47XXXXXX', '电子信箱格式不对']);
  });
});

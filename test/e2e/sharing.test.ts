import path from 'node:path';
import { createGridWorker, issueBindingCode } from '../../src/server/features/identity/directory';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { button, field, outputDir, screenshotOnFailure, signInAtDesk, useServedBrowser } from './browser';

const served = useServedBrowser();

test('a grid worker shares an event; a neighbour opens the card and signs up; the worker’s figures and the office’s board show it', async () => {
  const { testApp, origin } = served();
  const db = testApp.database.handle.db;
  const now = new Date();

  // The office: a desk account, a published event a week ahead, a grid worker with a binding code.
  const { oneTimePassword } = await createStaffAccount(db, { username: 'e2e.xuanchuan', displayName: '宣传科员', role: 'staff' }, now);
  await db.updateTable('staffAccount').set({ mustChangePassword: 0 }).where('username', '=', 'e2e.xuanchuan').execute();
  const signIn = await testApp.app.inject({
    method: 'POST',
    url: '/api/auth/staff',
    payload: { username: 'e2e.xuanchuan', password: oneTimePassword },
  });
  const staffToken = signIn.json().token as string;
  const startsAt = new Date(now.getTime() + 7 * 86_400_000);
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/staff/events',
    headers: { authorization: `Bearer ${staffToken}` },
    payload: {
      title: '民法典进院坝',
      type: 'yuanba',
      theme: '相邻关系与邻里纠纷',
      law: '民法典',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      place: { name: '朝天咀社区院坝', address: null, latitude: null, longitude: null },
      communityId: 'chaotianzui',
      organiser: '白沙镇法治建设科',
      capacity: 30,
      description: '讲讲民法典里的相邻关系，现场解答邻里纠纷怎么办。',
    },
  });
  expect(created.statusCode).toBe(200);
  const event = created.json() as { id: string; title: string };
  const published = await testApp.app.inject({
    method: 'POST',
    url: `/api/staff/events/${event.id}/publish`,
    headers: { authorization: `Bearer ${staffToken}` },
  });
  expect(published.statusCode).toBe(200);
  const worker = await createGridWorker(db, { name: '李网格', gridId: 'chaotianzui-1' }, now);
  const { code } = await issueBindingCode(db, 'grid_worker', worker.id, now);

  // The grid worker binds their role, opens the event and takes its share path.
  const gridWorker = await served().newPage();
  const sharedPath = await screenshotOnFailure(gridWorker, 'sharing-worker', async () => {
    await gridWorker.goto(`${origin}/#/pages/me/index`);
    await field(gridWorker, 'bindingCode').fill(code);
    await button(gridWorker, '绑定身份').click();
    await gridWorker.getByLabel('网格员').waitFor();
    await gridWorker.goto(`${origin}/#/packages/events/detail/index?id=${event.id}`);
    const share = gridWorker.locator('[data-share-path]').first();
    await share.waitFor();
    return (await share.getAttribute('data-share-path'))!;
  });
  expect(sharedPath).toMatch(new RegExp(`id=${event.id}.*g=chaotianzui-1.*s=[A-HJ-NP-Z2-9]{6}`));

  // A neighbour, in another browser, opens the card and signs up.
  const neighbour = await served().newPage();
  await screenshotOnFailure(neighbour, 'sharing-neighbour', async () => {
    await neighbour.goto(`${origin}/#${sharedPath}`);
    await neighbour.getByText(event.title).first().waitFor();
    await button(neighbour, '报名').first().click();
    await neighbour.getByText('已报名').first().waitFor();
    await neighbour.screenshot({ path: path.join(outputDir, 'sharing-signed-up.png'), fullPage: true });
  });
  const [signUp] = await db.selectFrom('eventSignUp').selectAll().where('eventId', '=', event.id).execute();
  expect(signUp).toMatchObject({ viaGridId: 'chaotianzui-1', people: 1 });

  // What the worker's share brought, on 我的分享; and the office's board per grid.
  await screenshotOnFailure(gridWorker, 'sharing-figures', async () => {
    await gridWorker.goto(`${origin}/#/packages/sharing/mine/index`);
    const row = gridWorker.getByLabel(event.title);
    await row.waitFor();
    expect((await row.innerText()).split(/\s+/).filter((cell) => /^\d+$/.test(cell))).toEqual(['1', '1', '0']);
  });
  const office = await served().newPage();
  await screenshotOnFailure(office, 'sharing-board', async () => {
    await signInAtDesk(office, origin, 'e2e.xuanchuan', oneTimePassword);
    await office.goto(`${origin}/#/staff/share-board/index`);
    const gridRow = office.getByLabel('各网格').getByLabel('朝天咀社区第一网格');
    await gridRow.waitFor();
    const cells = (await gridRow.innerText()).split(/\s+/);
    expect(cells.slice(1, 4)).toEqual(['1', '1', '0']);
    await office.screenshot({ path: path.join(outputDir, 'sharing-board.png'), fullPage: true });
  });
}, 120_000);

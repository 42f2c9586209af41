import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// Parallel sign-ups (issue 7, must 2): on PostgreSQL the requests run on separate connections at the
// same time; each must count after the last, so the places are never overbooked.
const clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let people: SignedInPerson[];
const db = () => testApp.database.handle.db;

async function publishedEvent(capacity: number): Promise<string> {
  const created = await call({
    method: 'POST',
    url: '/staff/events',
    token: office,
    body: {
      title: '民法典进院坝',
      type: 'yuanba',
      theme: '婚姻家庭编',
      startsAt: '2026-11-28T09:00:00+08:00',
      endsAt: '2026-11-28T11:30:00+08:00',
      place: { name: '朝天咀社区院坝' },
      communityId: 'chaotianzui',
      organiser: '白沙镇法治建设科',
      capacity,
      description: '律师讲解遗嘱、赡养和婚姻家庭中的常见纠纷，现场答疑。',
    },
  });
  expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

const signUp = (id: string, person: SignedInPerson, body: object = {}) => call({ method: 'POST', url: `/events/${id}/sign-ups`, token: person.token, body });

async function activeSignUps(eventId: string) {
  return db().selectFrom('eventSignUp').select(['userId', 'people']).where('eventId', '=', eventId).where('cancelledAt', 'is', null).execute();
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'zhou.keyuan', displayName: '周科员' }, clock);
  people = [];
  for (let i = 0; i < 100; i += 1) people.push(await signInGuest(testApp));
});

afterAll(() => testApp.close());

test('100 people signing up at once for 10 places: exactly 10 get one, the other 90 are told 名额已满', async () => {
  const id = await publishedEvent(10);
  const answers = await Promise.all(people.map((person) => signUp(id, person)));
  expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
  const refused = answers.filter((a) => a.status !== 200);
  expect(refused).toHaveLength(90);
  expect(new Set(refused.map((a) => `${a.status} ${a.body.message}`))).toEqual(new Set(['409 名额已满']));
  expect(await activeSignUps(id)).toHaveLength(10);
  expect((await call({ url: `/events/${id}` })).body).toMatchObject({ signedUp: 10, placesLeft: 0 });
});

test('families of different sizes at once never exceed the places; cancellations at the same time give theirs back', async () => {
  const id = await publishedEvent(25);
  const early = people.slice(0, 5);
  for (const person of early) expect((await signUp(id, person, { people: 2 })).status).toBe(200);
  const answers = await Promise.all([
    ...people.slice(5, 65).map((person, i) => signUp(id, person, { people: (i % 5) + 1 })),
    ...early.map((person) => call({ method: 'POST', url: `/events/${id}/sign-ups/cancel`, token: person.token })),
  ]);
  expect(answers.slice(60).every((a) => a.status === 200)).toBe(true);
  const rows = await activeSignUps(id);
  const total = rows.reduce((sum, row) => sum + Number(row.people), 0);
  expect(total).toBeLessThanOrEqual(25);
  expect(rows.some((row) => early.some((p) => p.userId === row.userId))).toBe(false);
  const refusals = answers.slice(0, 60).filter((a) => a.status !== 200);
  expect(refusals.every((a) => a.status === 409 && /^名额(已满|不足，只剩 \d 个名额)$/.test(a.body.message))).toBe(true);
  const accepted = 60 - refusals.length;
  expect(rows).toHaveLength(accepted);
  expect((await call({ url: `/events/${id}` })).body).toMatchObject({ signedUp: total, placesLeft: 25 - total });
});

test('one person tapping 报名 ten times at once is signed up once', async () => {
  const id = await publishedEvent(10);
  const [person] = people;
  const answers = await Promise.all(Array.from({ length: 10 }, () => signUp(id, person, { people: 2 })));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(await activeSignUps(id)).toEqual([{ userId: person.userId, people: 2 }]);
  expect((await call({ url: `/events/${id}` })).body).toMatchObject({ signedUp: 2, placesLeft: 8 });
});

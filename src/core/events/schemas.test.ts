import { EventInputSchema } from './schemas';

const event = {
  title: '院坝会：民法典进农家',
  type: 'yuanba',
  theme: '相邻关系与邻里纠纷',
  law: '民法典',
  startsAt: '2026-12-04T09:00:00+08:00',
  endsAt: '2026-12-04T11:00:00+08:00',
  place: { name: '朝天咀社区院坝', address: null, latitude: null, longitude: null },
  communityId: 'chaotianzui',
  organiser: '白沙镇法治建设科',
  capacity: 40,
  description: '讲解民法典中相邻关系、居住权的规定，现场答疑。',
};

const messages = (input: object) => {
  const result = EventInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

test('a complete event passes', () => {
  expect(messages(event)).toEqual([]);
});

test('an end before the start is named on the end field', () => {
  expect(messages({ ...event, endsAt: '2026-12-04T08:00:00+08:00' })).toEqual(['endsAt: 结束时间应晚于开始时间']);
});

test('a time without its offset is refused for that alone, not also as ending before it starts', () => {
  expect(messages({ ...event, startsAt: '2026-12-04 09:00' })).toEqual([
    'startsAt: 开始时间应为带时区的日期时间，如 2026-12-04T09:00:00+08:00',
  ]);
});

import * as z from 'zod/mini';
import { DAILY_QUESTION_COUNT } from './daily-draw';
import { PublicQuestionSchema } from './contest-draw';
import { LAWS, QuestionSchema } from './question';

export const LawSchema = z.enum(LAWS, { error: '法律只能是 civil-code（民法典）或 constitution（宪法）' });

/** A question as the phone sees it before answering: where it sits in the law, but no answer. */
export const QuizQuestionSchema = z.extend(PublicQuestionSchema, {
  law: LawSchema,
  book: z.nullable(z.string()),
  chapter: z.nullable(z.string()),
});
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

export const CitedArticleSchema = z.object({ law: LawSchema, no: z.int(), label: z.string(), text: z.string() });

/** One answered question, after scoring: the right answer, why, and the articles' text. */
export const ReviewedAnswerSchema = z.object({
  question: QuizQuestionSchema,
  /** In the order the options were shown. */
  chosen: z.array(z.int()),
  answer: z.array(z.int()),
  correct: z.boolean(),
  explanation: z.string(),
  articles: z.array(CitedArticleSchema),
});
export type ReviewedAnswer = z.infer<typeof ReviewedAnswerSchema>;

const optionIndex = z.int('选项应为整数编号').check(z.gte(0, '选项编号不对'), z.lte(5, '选项编号不对'));

export const AnswerInputSchema = z.object({
  questionId: z.string({ error: '缺少题目编号' }).check(z.minLength(1, '缺少题目编号'), z.maxLength(64, '题目编号过长')),
  chosen: z.array(optionIndex).check(z.maxLength(6, '选项过多')),
});

const answersSchema = (max: number) =>
  z.object({ answers: z.array(AnswerInputSchema).check(z.maxLength(max, `最多回答 ${max} 道题`)) });

export const DailyAnswersSchema = answersSchema(DAILY_QUESTION_COUNT);

export const DailyResultSchema = z.object({
  date: z.string(),
  score: z.number(),
  correctCount: z.int(),
  total: z.int(),
  streak: z.int(),
  answers: z.array(ReviewedAnswerSchema),
});
export type DailyResult = z.infer<typeof DailyResultSchema>;

export const DailyQuizSchema = z.object({
  date: z.string(),
  questions: z.array(QuizQuestionSchema),
  streak: z.int(),
  /** Present once today's attempt is in: one scored attempt a day. */
  result: z.nullable(DailyResultSchema),
});
export type DailyQuiz = z.infer<typeof DailyQuizSchema>;

export const ScopeSchema = z.object({
  law: LawSchema,
  /** 1-based chapter index in the law's contents (as the law API numbers them), or a book title. */
  chapter: z.optional(z.coerce.number({ error: '章的序号应为数字' }).check(z.int('章的序号应为整数'), z.gte(1, '章的序号从 1 开始'))),
  book: z.optional(z.string().check(z.maxLength(40, '编名过长'))),
});

export const PracticeQuerySchema = z.extend(ScopeSchema, {
  /** Ids already shown in this sitting, comma-separated: the next question is one not among them. */
  seen: z.optional(z.string().check(z.maxLength(4000, '已做题目过多，请重新开始'))),
  /** Only questions in my 错题本. */
  wrongOnly: z.optional(z.enum(['0', '1'], { error: 'wrongOnly 应为 0 或 1' })),
});

export const PracticeNextSchema = z.object({
  question: z.nullable(QuizQuestionSchema),
  /** Questions in the scope, and how many of them this sitting has not shown yet. */
  total: z.int(),
  remaining: z.int(),
});

export const PracticeAnswerSchema = z.object({
  questionId: AnswerInputSchema.shape.questionId,
  chosen: AnswerInputSchema.shape.chosen,
});

export const PracticeScopesSchema = z.object({
  laws: z.array(
    z.object({
      law: LawSchema,
      title: z.string(),
      books: z.array(
        z.object({
          title: z.nullable(z.string()),
          questionCount: z.int(),
          chapters: z.array(z.object({ index: z.int(), title: z.string(), questionCount: z.int() })),
        }),
      ),
    }),
  ),
  wrongCount: z.int(),
});

export const WrongBookSchema = z.object({
  groups: z.array(
    z.object({
      law: LawSchema,
      book: z.nullable(z.string()),
      questions: z.array(z.object({ question: QuizQuestionSchema, wrongCount: z.int(), lastWrongAt: z.string() })),
    }),
  ),
});

export const QuestionParamsSchema = z.object({
  id: z.string().check(z.regex(/^[a-z]+-[a-z0-9-]+$/, '题目编号格式不对'), z.maxLength(64, '题目编号过长')),
});

export const ReportQuestionSchema = z.object({
  reason: z
    .string({ error: '请写明哪里有错' })
    .check(z.trim(), z.minLength(5, '请至少用 5 个字写明哪里有错'), z.maxLength(500, '最多 500 字')),
});

// Contests ---------------------------------------------------------------------------------------------

export const CONTEST_AUDIENCES = ['everyone', 'supervisors', 'grid_workers'] as const;
export const CONTEST_AUDIENCE_LABELS: Record<(typeof CONTEST_AUDIENCES)[number], string> = {
  everyone: '所有人',
  supervisors: '执法监督员',
  grid_workers: '网格员',
};

const instantSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.refine((value) => !Number.isNaN(Date.parse(value)) && /T\d{2}:\d{2}/.test(value), `${label}应为日期时间，如 2026-12-04T09:00:00+08:00`));

export const CreateContestSchema = z
  .object({
    title: z.string({ error: '请填写竞赛名称' }).check(z.trim(), z.minLength(2, '竞赛名称至少 2 个字'), z.maxLength(40, '竞赛名称最多 40 字')),
    law: LawSchema,
    /** Book titles to draw from (Civil Code); empty means the whole law. */
    books: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)),
    questionCount: z.int('题量应为整数').check(z.gte(5, '题量至少 5 道'), z.lte(50, '题量最多 50 道')),
    timeLimitMinutes: z.int('时限应为整数分钟').check(z.gte(1, '时限至少 1 分钟'), z.lte(120, '时限最多 120 分钟')),
    attemptsAllowed: z.int('次数应为整数').check(z.gte(1, '至少允许答 1 次'), z.lte(10, '最多允许答 10 次')),
    startsAt: instantSchema('开始时间'),
    endsAt: instantSchema('结束时间'),
    audience: z.enum(CONTEST_AUDIENCES, { error: '请选择参赛对象' }),
  })
  .check(
    z.refine((c) => Number.isNaN(Date.parse(c.startsAt)) || Number.isNaN(Date.parse(c.endsAt)) || Date.parse(c.startsAt) < Date.parse(c.endsAt), {
      error: '结束时间应晚于开始时间',
      path: ['endsAt'],
    }),
  );
export type CreateContest = z.infer<typeof CreateContestSchema>;

export const ContestSchema = z.object({
  id: z.string(),
  title: z.string(),
  law: LawSchema,
  books: z.array(z.string()),
  questionCount: z.int(),
  timeLimitMinutes: z.int(),
  attemptsAllowed: z.int(),
  startsAt: z.string(),
  endsAt: z.string(),
  audience: z.enum(CONTEST_AUDIENCES),
  status: z.enum(['upcoming', 'open', 'ended']),
  participants: z.int(),
});
export type Contest = z.infer<typeof ContestSchema>;

export const MyContestSchema = z.extend(ContestSchema, {
  attemptsUsed: z.int(),
  mayTake: z.boolean(),
  /** Why not, in words for the resident, when mayTake is false. */
  reason: z.nullable(z.string()),
  best: z.nullable(z.object({ score: z.number(), secondsTaken: z.int(), rank: z.int() })),
  /** An attempt started and not yet submitted, to resume after the app was closed. */
  openAttemptId: z.nullable(z.string()),
});
export type MyContest = z.infer<typeof MyContestSchema>;

/**
 * Where a participant may say they live, from the town's configuration, for the start form's 所在社区/村 and 网格
 * (residents have no other way to read the town's communities and grids).
 */
export const ContestPlacesSchema = z.object({
  communities: z.array(
    z.object({ id: z.string(), name: z.string(), grids: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  /** The caller's own grid when they are a grid worker: they are not asked, and it is used whatever is sent. */
  ownGrid: z.nullable(z.object({ communityId: z.string(), gridId: z.string(), name: z.string() })),
});
export type ContestPlaces = z.infer<typeof ContestPlacesSchema>;

/** One contest as its detail page shows it: my standing in it, and the places to choose from when starting. */
export const ContestDetailSchema = z.extend(MyContestSchema, { places: ContestPlacesSchema });
export type ContestDetail = z.infer<typeof ContestDetailSchema>;

export const ContestParamsSchema = z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '竞赛编号格式不对')) });
export const AttemptParamsSchema = z.object({
  id: ContestParamsSchema.shape.id,
  attemptId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '答卷编号格式不对')),
});

export const StartAttemptSchema = z.object({
  /** Where the participant lives, for participation by community and grid; a grid worker's own grid wins. */
  communityId: z.string({ error: '请选择所在社区或村' }).check(z.minLength(1, '请选择所在社区或村'), z.maxLength(64)),
  gridId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});

export const AttemptSchema = z.object({
  attemptId: z.string(),
  contestId: z.string(),
  questions: z.array(QuizQuestionSchema),
  startedAt: z.string(),
  /** The phone submits by itself at this instant; the server refuses anything later (with a little grace). */
  deadlineAt: z.string(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const ContestAnswersSchema = answersSchema(50);

export const ContestResultSchema = z.object({
  contestId: z.string(),
  attemptId: z.string(),
  score: z.number(),
  correctCount: z.int(),
  total: z.int(),
  secondsTaken: z.int(),
  rank: z.int(),
  participants: z.int(),
  answers: z.array(ReviewedAnswerSchema),
});
export type ContestResult = z.infer<typeof ContestResultSchema>;

const ParticipationRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  participants: z.int(),
  population: z.nullable(z.int()),
  rate: z.nullable(z.number()),
});

export const RankingSchema = z.object({
  contest: ContestSchema,
  /** Best attempt per person; a person is shown by community and a short code, never by name or id. */
  entries: z.array(
    z.object({ rank: z.int(), label: z.string(), score: z.number(), secondsTaken: z.int(), mine: z.boolean() }),
  ),
  byCommunity: z.array(ParticipationRowSchema),
  byGrid: z.array(ParticipationRowSchema),
});
export type Ranking = z.infer<typeof RankingSchema>;

export const ContestListSchema = z.object({ contests: z.array(MyContestSchema) });

// The office ---------------------------------------------------------------------------------------------

export const StaffQuestionSchema = z.extend(QuestionSchema, {
  law: LawSchema,
  book: z.nullable(z.string()),
  chapter: z.nullable(z.string()),
  retired: z.boolean(),
  /** 'bank' questions follow data/questions; edited or imported ones are the office's own. */
  source: z.enum(['bank', 'edited', 'imported']),
  openReports: z.int(),
});
export type StaffQuestion = z.infer<typeof StaffQuestionSchema>;

export const QUESTION_PAGE_SIZE = 20;

export const StaffQuestionQuerySchema = z.object({
  law: z.optional(LawSchema),
  q: z.optional(z.string().check(z.trim(), z.maxLength(50, '搜索词最多 50 个字'))),
  retired: z.optional(z.enum(['0', '1'], { error: 'retired 应为 0 或 1' })),
  page: z._default(
    z.coerce.number({ error: '页码应为数字' }).check(z.int('页码应为整数'), z.gte(1, '页码从 1 开始'), z.lte(10000, '页码过大')),
    1,
  ),
});

export const StaffQuestionListSchema = z.object({
  questions: z.array(StaffQuestionSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

/** Editing keeps the id and the law; everything a bank file holds may change. */
export const EditQuestionSchema = QuestionSchema;

export const RetireQuestionSchema = z.object({ retired: z.boolean({ error: '请说明停用还是恢复' }) });

/** A whole import is refused when any row is wrong; each problem names its row (1-based, as a spreadsheet shows it). */
export const ImportProblemSchema = z.object({ row: z.int(), message: z.string() });
export const ImportResultSchema = z.object({ law: LawSchema, added: z.int(), updated: z.int() });

export const REPORT_STATUSES = ['open', 'fixed', 'retired', 'dismissed'] as const;

export const QuestionReportSchema = z.object({
  id: z.string(),
  question: StaffQuestionSchema,
  reason: z.string(),
  reportedAt: z.string(),
  status: z.enum(REPORT_STATUSES),
  resolvedAt: z.nullable(z.string()),
  resolvedBy: z.nullable(z.string()),
  note: z.nullable(z.string()),
});

export const ReportQueueQuerySchema = z.object({ status: z._default(z.enum(REPORT_STATUSES, { error: '状态不对' }), 'open') });
export const ReportQueueSchema = z.object({ reports: z.array(QuestionReportSchema) });

export const ResolveReportSchema = z.object({
  /** 'fixed' after editing the question, 'retired' stops using it, 'dismissed' when the question was right. */
  resolution: z.enum(['fixed', 'retired', 'dismissed'], { error: '请选择处理结果' }),
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(300, '说明最多 300 字')))),
});

export const ReportParamsSchema = z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '纠错编号格式不对')) });

export const StaffContestListSchema = z.object({ contests: z.array(ContestSchema) });


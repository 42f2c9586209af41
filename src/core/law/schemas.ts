import * as z from 'zod/mini';

export const LawArticleSchema = z.object({
  no: z.int(),
  /** As the law writes it: 第一千零七十九条. */
  label: z.string(),
  text: z.string(),
  book: z.string(),
  chapter: z.string(),
  section: z.nullable(z.string()),
});
export type LawArticle = z.infer<typeof LawArticleSchema>;

export const LawContentsSchema = z.object({
  title: z.string(),
  effective: z.string(),
  source: z.string(),
  books: z.array(
    z.object({
      title: z.string(),
      chapters: z.array(
        z.object({
          /** 1-based position of the chapter in the whole Code, for addressing it. */
          index: z.int(),
          title: z.string(),
          part: z.nullable(z.string()),
          firstArticle: z.int(),
          lastArticle: z.int(),
        }),
      ),
    }),
  ),
});

export const ArticleParamsSchema = z.object({
  no: z.coerce.number({ error: '条号应为数字' }).check(z.int('条号应为整数'), z.gte(1, '条号从 1 开始')),
});

export const ChapterParamsSchema = z.object({
  index: z.coerce.number({ error: '章的序号应为数字' }).check(z.int('章的序号应为整数'), z.gte(1, '章的序号从 1 开始')),
});

export const MAX_SEARCH_RESULTS = 50;

export const LawSearchQuerySchema = z.object({
  q: z
    .string({ error: '请输入要查的条号或词语' })
    .check(z.trim(), z.minLength(1, '请输入要查的条号或词语'), z.maxLength(30, '查询词最多 30 个字')),
});

export const LawArticleListSchema = z.object({
  articles: z.array(LawArticleSchema),
  /** All that matched; only the first MAX_SEARCH_RESULTS are listed. */
  total: z.int(),
});

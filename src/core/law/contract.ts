import { defineRoute } from '../api/contract';
import {
  ArticleParamsSchema,
  ChapterParamsSchema,
  LawArticleListSchema,
  LawArticleSchema,
  LawContentsSchema,
  LawSearchQuerySchema,
} from './schemas';

const tags = ['民法典原文'] as const;

export const lawContract = {
  contents: defineRoute({
    operation: 'law.contents',
    method: 'GET',
    path: '/law/civil-code',
    summary: '民法典目录：编、分编、章及各章条号范围',
    tags,
    response: LawContentsSchema,
  }),
  article: defineRoute({
    operation: 'law.article',
    method: 'GET',
    path: '/law/civil-code/articles/:no',
    summary: '一条法条的原文',
    tags,
    params: ArticleParamsSchema,
    response: LawArticleSchema,
  }),
  chapter: defineRoute({
    operation: 'law.chapter',
    method: 'GET',
    path: '/law/civil-code/chapters/:index',
    summary: '一章的全部法条',
    tags,
    params: ChapterParamsSchema,
    response: LawArticleListSchema,
  }),
  search: defineRoute({
    operation: 'law.search',
    method: 'GET',
    path: '/law/civil-code/search',
    summary: '按条号（如 1079、第一千零七十九条）或词语查法条',
    tags,
    query: LawSearchQuerySchema,
    response: LawArticleListSchema,
  }),
};

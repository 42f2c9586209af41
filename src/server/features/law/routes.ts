import type { FastifyInstance } from 'fastify';
import { lawContract } from '@core/law/contract';
import { AppError } from '../../shared/app-error';
import { addRoute } from '../../shared/route';
import type { CivilCode } from './civil-code';

/** The Civil Code's text for the reader and for every quiz explanation; served, never bundled into the app. */
export async function lawRoutes(app: FastifyInstance, options: { civilCode: CivilCode }): Promise<void> {
  const { civilCode } = options;

  addRoute(app, lawContract.contents, async () => civilCode.contents);

  addRoute(app, lawContract.article, async ({ params }) => {
    const article = civilCode.article(params.no);
    if (!article) throw new AppError(404, 'ARTICLE_NOT_FOUND', `民法典没有第 ${params.no} 条（共 1260 条）`);
    return article;
  });

  addRoute(app, lawContract.chapter, async ({ params }) => {
    const articles = civilCode.chapter(params.index);
    if (!articles) throw new AppError(404, 'CHAPTER_NOT_FOUND', '没有这一章，请从目录选择');
    return { articles, total: articles.length };
  });

  addRoute(app, lawContract.search, async ({ query }) => civilCode.search(query.q));
}

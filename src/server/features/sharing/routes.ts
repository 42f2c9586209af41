import type { FastifyInstance } from 'fastify';
import { sharingContract } from '@core/sharing/contract';
import { isLocalDate } from '@core/shared/shanghai-time';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import type { WeChatClient } from '../identity/wechat-client';
import { attributionFor, recordCardOpen } from './attribution';
import { shareBoard, sharesOf } from './figures';
import { h5Code, miniProgramCode, sceneFor } from './poster-codes';
import { sharedItemOr404 } from './shared-items';
import { gridWorkerOf, sharerCodeOf } from './sharers';

/** Poster codes one address may make per minute. */
export const POSTER_CODES_PER_MINUTE = 20;

export interface SharingOptions {
  wechat: WeChatClient;
  /** Where the H5 app is reached from outside, e.g. https://fazhi.example.gov.cn: QR codes point there. */
  publicOrigin: string;
}

function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return principal.id;
}

export async function sharingRoutes(app: FastifyInstance, options: SharingOptions): Promise<void> {
  const publicOrigin = options.publicOrigin.replace(/\/+$/, '');

  addRoute(app, sharingContract.open, async ({ body, principal }) => {
    const visitorId = userIdOf(principal);
    await sharedItemOr404(app.db, body.kind, body.itemId);
    await recordCardOpen(app.db, visitorId, body, app.now());
    return { attributed: (await attributionFor(app.db, visitorId, body.kind, body.itemId)) !== null };
  });

  addRoute(app, sharingContract.mine, async ({ principal }) => {
    const worker = await gridWorkerOf(app.db, userIdOf(principal));
    if (!worker) throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
    return sharesOf(app.db, worker, await sharerCodeOf(app.db, worker.id));
  });

  // Each code may cost a call to WeChat's quota-limited API: posters are made now and then, not in a loop.
  addRoute(app, sharingContract.posterCode, async ({ query, principal }, reply) => {
    const item = await sharedItemOr404(app.db, query.kind, query.itemId);
    // A grid worker's code carries their attribution; anyone else's opens the page plainly.
    const worker = principal.kind === 'user' ? await gridWorkerOf(app.db, principal.id) : undefined;
    const sharer = worker ? { id: worker.id, gridId: worker.gridId, sharerCode: await sharerCodeOf(app.db, worker.id) } : null;
    const png = options.wechat.configured
      ? await miniProgramCode(options.wechat, item, await sceneFor(app.db, query.kind, query.itemId, sharer?.id ?? null, app.now()))
      : await h5Code(publicOrigin, item, sharer);
    return reply.type('image/png').header('Cache-Control', 'private, max-age=3600').header('X-Content-Type-Options', 'nosniff').send(png);
  }, { rateLimit: { max: POSTER_CODES_PER_MINUTE, timeWindow: 60_000 } });

  addRoute(app, sharingContract.scene, async ({ params }) => {
    const scene = await app.db
      .selectFrom('shareScene')
      .leftJoin('gridWorker', 'gridWorker.id', 'shareScene.sharerId')
      .select(['shareScene.kind', 'shareScene.itemId', 'gridWorker.sharerCode', 'gridWorker.gridId'])
      .where('shareScene.id', '=', params.scene)
      .executeTakeFirst();
    if (!scene) throw new AppError(404, 'SHARE_SCENE_NOT_FOUND', '这个小程序码已失效，请向分享人要一张新的');
    return { kind: scene.kind, itemId: scene.itemId, sharer: scene.sharerCode ?? null, grid: scene.gridId ?? null };
  });

  addRoute(app, sharingContract.board, async ({ query }) => {
    for (const [label, date] of [['开始日期', query.from], ['结束日期', query.to]] as const) {
      if (date !== undefined && !isLocalDate(date)) throw new AppError(400, 'INVALID_REQUEST', `${label}不是有效日期`);
    }
    if (query.from && query.to && query.from > query.to) throw new AppError(400, 'INVALID_REQUEST', '开始日期不能晚于结束日期');
    return shareBoard(app.db, { from: query.from, to: query.to });
  });
}

import { defineRoute } from '../api/contract';
import {
  MySharesSchema,
  PosterCodeQuerySchema,
  ShareBoardQuerySchema,
  ShareBoardSchema,
  ShareOpenedSchema,
  ShareOpenSchema,
  ShareSceneParamsSchema,
  ShareSceneSchema,
} from './schemas';

const tags = ['分享与传播'] as const;

export const sharingContract = {
  open: defineRoute({
    operation: 'sharing.open',
    method: 'POST',
    path: '/shares/opens',
    summary: '打开了分享卡片：按（分享人、网格、内容、访客）记一次，每位访客每项内容只记第一次',
    tags,
    body: ShareOpenSchema,
    response: ShareOpenedSchema,
  }),
  mine: defineRoute({
    operation: 'sharing.mine',
    method: 'GET',
    path: '/me/shares',
    summary: '网格员：我分享的内容带来了多少打开、报名和答题',
    tags,
    response: MySharesSchema,
  }),
  posterCode: defineRoute({
    operation: 'sharing.posterCode',
    method: 'GET',
    path: '/shares/code',
    summary: '海报上的码：配置了微信时为小程序码，否则为 H5 地址的二维码（PNG）；网格员生成的带其归属',
    tags,
    query: PosterCodeQuerySchema,
    produces: 'image/png',
  }),
  scene: defineRoute({
    operation: 'sharing.scene',
    method: 'GET',
    path: '/shares/scenes/:scene',
    summary: '小程序码的 scene 代表什么：分享内容和分享人（页面再据此记一次打开）',
    tags,
    params: ShareSceneParamsSchema,
    response: ShareSceneSchema,
  }),
  board: defineRoute({
    operation: 'staff.shareBoard',
    method: 'GET',
    path: '/staff/shares',
    summary: '各网格、社区的传播效果（打开、报名、答题，按人口计覆盖率）',
    tags: ['工作人员：传播效果'],
    query: ShareBoardQuerySchema,
    response: ShareBoardSchema,
  }),
};

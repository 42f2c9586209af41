import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { feedbackContract } from '@core/feedback/contract';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '@core/feedback/schemas';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { photoTooLarge, processPhoto } from './photo-processing';
import type { PhotoStore } from './photo-store';

const PHOTO_FIELD = 'photo';
const UPLOAD_URL = `/api${feedbackContract.uploadPhoto.path}`;

function photoNotFound(): AppError {
  return new AppError(404, 'PHOTO_NOT_FOUND', '找不到这张照片');
}

/** Its uploader, the submitter of an item that shows it, and the office; to anyone else it does not exist. */
async function maySee(db: Database, principal: Principal, photoId: string): Promise<boolean> {
  if (principal.kind === 'staff') return true;
  if (principal.kind !== 'user') return false;
  const uploaded = await db
    .selectFrom('photoUpload')
    .select('photoId')
    .where('photoId', '=', photoId)
    .where('userId', '=', principal.id)
    .executeTakeFirst();
  if (uploaded) return true;
  const submitted = await db
    .selectFrom('feedbackPhoto')
    .innerJoin('feedbackItem', 'feedbackItem.id', 'feedbackPhoto.itemId')
    .select('feedbackPhoto.photoId')
    .where('feedbackPhoto.photoId', '=', photoId)
    .where('feedbackItem.submitterId', '=', principal.id)
    .executeTakeFirst();
  return submitted !== undefined;
}

export interface PhotoRouteOptions {
  photoStore: PhotoStore;
  /** Submissions one person may make per hour; each may carry MAX_PHOTOS photos, and uploads are limited to as many. */
  feedbackPerHour: number;
}

export async function photoRoutes(app: FastifyInstance, options: PhotoRouteOptions): Promise<void> {
  // Registered here only: multipart bodies are accepted by this route module and nowhere else.
  await app.register(multipart, {
    // The file is cut off just past the limit instead of being read whole; a few small form fields
    // (WeChat's uploadFile may add some) are tolerated and ignored.
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
  });

  // After the permission check (onRequest), before the body is read: a body that is not a form is
  // refused with words that say how to send one, rather than the generic "use JSON".
  app.addHook('preParsing', async (request) => {
    const isForm = /^multipart\/form-data\s*;/i.test(request.headers['content-type'] ?? '');
    if (request.method === 'POST' && request.routeOptions.url === UPLOAD_URL && !isForm) {
      throw new AppError(415, 'PHOTO_FORM_REQUIRED', `请以表单（multipart/form-data）上传照片，文件字段名为 ${PHOTO_FIELD}`);
    }
  });

  const uploadLimit = {
    max: MAX_PHOTOS * options.feedbackPerHour,
    timeWindow: 60 * 60_000,
    // Counted per person before the body is read: every attempt costs the work of reading and re-encoding a photo.
    keyGenerator: (request: FastifyRequest) =>
      request.principal.kind === 'user' ? `photos:${request.principal.id}` : `photos-ip:${request.ip}`,
  };

  addRoute(
    app,
    feedbackContract.uploadPhoto,
    async (request) => {
      const { principal } = request;
      if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '只有居民身份可以上传照片');
      // The contract has no body schema here: the form is read from the request as it streams in.
      const raw = request as unknown as FastifyRequest;
      let bytes: Buffer;
      try {
        const file = await raw.file();
        if (!file) throw new AppError(400, 'PHOTO_MISSING', '没有收到照片，请重新选择');
        if (file.fieldname !== PHOTO_FIELD) throw new AppError(400, 'PHOTO_FIELD_WRONG', `照片应放在表单字段 ${PHOTO_FIELD} 中`);
        bytes = await file.toBuffer();
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) throw photoTooLarge();
        if (error instanceof app.multipartErrors.FilesLimitError) throw new AppError(400, 'PHOTO_ONE_AT_A_TIME', '一次只能上传一张照片');
        throw error;
      }
      const photo = await processPhoto(bytes);
      await options.photoStore.put(photo.id, photo.bytes, photo.mediaType);
      await app.db
        .insertInto('photoUpload')
        .values({
          photoId: photo.id,
          userId: principal.id,
          mediaType: photo.mediaType,
          bytes: photo.bytes.length,
          uploadedAt: app.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['photoId', 'userId']).doNothing())
        .execute();
      return { id: photo.id, mediaType: photo.mediaType, bytes: photo.bytes.length };
    },
    { rateLimit: uploadLimit },
  );

  addRoute(app, feedbackContract.photo, async ({ params, principal }, reply) => {
    if (!(await maySee(app.db, principal, params.photoId))) throw photoNotFound();
    const upload = await app.db.selectFrom('photoUpload').select('mediaType').where('photoId', '=', params.photoId).executeTakeFirst();
    const bytes = upload && (await options.photoStore.get(params.photoId));
    if (!upload || !bytes) throw photoNotFound();
    return reply
      .type(upload.mediaType)
      .header('Cache-Control', 'private, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .send(bytes);
  });
}

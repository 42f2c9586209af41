import QRCode from 'qrcode';
import sharp from 'sharp';
import type { ShareKind } from '@core/sharing/schemas';
import { sharePath, type Sharer } from '@core/sharing/share-path';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { randomCode } from '../../shared/secrets';
import { isUniqueViolation } from '../../shared/unique-violation';
import { WeChatSendError, type WeChatClient } from '../identity/wechat-client';
import type { SharedItem } from './shared-items';
import { CODE_ALPHABET } from './sharers';

const SCENE_LENGTH = 10;
/** WeChat's default width, wide enough to scan from a printed poster. */
const CODE_WIDTH = 430;

/**
 * The scene of a mini-program code for this content and sharer: WeChat allows 32 characters, fewer than
 * an event id and a sharer take, so a short id is kept for them (one per content and sharer, reused).
 */
export async function sceneFor(db: Database, kind: ShareKind, itemId: string, sharerId: string | null, now: Date): Promise<string> {
  const lookupKey = `${kind} ${itemId} ${sharerId ?? '-'}`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await db.selectFrom('shareScene').select('id').where('lookupKey', '=', lookupKey).executeTakeFirst();
    if (existing) return existing.id;
    try {
      await db
        .insertInto('shareScene')
        .values({ id: randomCode(CODE_ALPHABET, SCENE_LENGTH), kind, itemId, sharerId, lookupKey, createdAt: now.toISOString() })
        .onConflict((oc) => oc.column('lookupKey').doNothing())
        .execute();
    } catch (error) {
      // The drawn id is another poster's: draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('No free share scene id');
}

/** The WeChat mini-program code opening the item's page with the scene; always PNG, whatever WeChat sent. */
export async function miniProgramCode(wechat: WeChatClient, item: SharedItem, scene: string): Promise<Buffer> {
  let image: Buffer;
  try {
    image = await wechat.unlimitedCode({ scene, page: item.page.replace(/^\//, '') });
  } catch (error) {
    if (error instanceof WeChatSendError) throw new AppError(502, 'WECHAT_CODE_FAILED', '暂时无法生成小程序码，请稍后再试');
    throw error;
  }
  try {
    return await sharp(image).png().toBuffer();
  } catch {
    throw new AppError(502, 'WECHAT_CODE_FAILED', '微信返回的小程序码无法读取，请稍后再试');
  }
}

/** Without WeChat credentials: a QR code of the page's H5 address (hash routing), carrying the sharer. */
export function h5Code(publicOrigin: string, item: SharedItem, sharer: Sharer | null): Promise<Buffer> {
  const address = `${publicOrigin}/#${sharePath(item.page, item.query, sharer)}`;
  return QRCode.toBuffer(address, { type: 'png', width: CODE_WIDTH, margin: 2, errorCorrectionLevel: 'M' });
}

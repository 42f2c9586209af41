import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@core/feedback/schemas';
import { AppError } from '../../shared/app-error';

export type PhotoMediaType = (typeof PHOTO_TYPES)[number];

export interface ProcessedPhoto {
  /** SHA-256 hex of `bytes`. */
  id: string;
  bytes: Buffer;
  mediaType: PhotoMediaType;
}

/** A 50-megapixel phone camera fits; a decompression bomb does not. */
const MAX_PHOTO_PIXELS = 60_000_000;

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The type the bytes really are, from their magic numbers; the declared type and file name are never trusted. */
export function detectPhotoType(bytes: Buffer): PhotoMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export function photoTooLarge(): AppError {
  return new AppError(413, 'PHOTO_TOO_LARGE', `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后再上传`);
}

/**
 * Checks an uploaded photo and makes the copy that is stored: turned upright from its EXIF
 * orientation and re-encoded in its own format, which leaves every piece of metadata behind
 * (GPS position, camera, time).
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw photoTooLarge();
  const mediaType = detectPhotoType(bytes);
  if (!mediaType) throw new AppError(415, 'PHOTO_TYPE_NOT_ALLOWED', '只能上传 JPEG、PNG 或 WebP 格式的照片');
  let stored: Buffer;
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS }).rotate();
    if (mediaType === 'image/jpeg') stored = await image.jpeg({ quality: 85 }).toBuffer();
    else if (mediaType === 'image/png') stored = await image.png().toBuffer();
    else stored = await image.webp({ quality: 85 }).toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError(400, 'PHOTO_TOO_MANY_PIXELS', '照片尺寸过大，请缩小后再上传');
    }
    throw new AppError(400, 'PHOTO_UNREADABLE', '照片已损坏或不是图片');
  }
  return { id: createHash('sha256').update(stored).digest('hex'), bytes: stored, mediaType };
}

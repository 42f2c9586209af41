import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where photo bytes live, by id (the SHA-256 of the stored bytes). Routes depend only on this, so an
 * object store can take the filesystem's place without touching them.
 */
export interface PhotoStore {
  /** `mediaType` is for stores that keep it with the object; the database records it either way. */
  put(id: string, bytes: Buffer, mediaType: string): Promise<void>;
  get(id: string): Promise<Buffer | null>;
}

const PHOTO_ID = /^[0-9a-f]{64}$/;

/** Photos as files under one directory: `<dir>/<first two hex digits>/<sha256>`. */
export class FilePhotoStore implements PhotoStore {
  constructor(private readonly directory: string) {}

  private pathOf(id: string): string {
    // Ids reach here from requests: only a hash may become a path.
    if (!PHOTO_ID.test(id)) throw new Error('A photo id is a SHA-256 hex digest');
    return path.join(this.directory, id.slice(0, 2), id);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(id);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed into place, so a reader never sees half a photo, even after a crash.
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

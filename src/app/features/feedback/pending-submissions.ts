import type { MyFeedbackDetail, SubmitFeedback } from '@core/feedback/schemas';
import { phoneOutbox, RefusedOnPhone, type OutboxEntry, type SendOutcome } from '../../shared/outbox/phone-outbox';
import { submitFeedback, uploadPhoto } from './api/feedback-api';
import { discardKeptPhoto, keepPhotos, photoReadable } from './photo-files';

export interface PendingPhoto {
  /** The photo on the phone. */
  path: string;
  /** Set once uploaded, so that a retry does not upload it again. */
  photoId: string | null;
}

/** A checked submission without its photo ids, waiting on the phone with its photos. */
export interface PendingSubmission extends OutboxEntry<Omit<SubmitFeedback, 'photoIds'>> {
  photos: PendingPhoto[];
  /** Where the form said it would go, for the 待发送 card. */
  sessionLabel: string | null;
}

function isPendingSubmission(value: unknown): value is PendingSubmission {
  const entry = value as PendingSubmission | null;
  return typeof entry?.body?.clientId === 'string' && Array.isArray(entry.photos);
}

/** The photos first, each once, then the submission with their ids. */
async function sendSubmission(entry: PendingSubmission, update: (change: (e: PendingSubmission) => PendingSubmission) => void) {
  const photoIds: string[] = [];
  for (const [index, photo] of entry.photos.entries()) {
    if (photo.photoId) {
      photoIds.push(photo.photoId);
      continue;
    }
    if (!photoReadable(photo.path)) throw new RefusedOnPhone('有照片已无法从手机上读取，请点“修改”重新选择照片后再发送');
    const photoId = await uploadPhoto(photo.path);
    photoIds.push(photoId);
    update((e) => ({ ...e, photos: e.photos.map((p, i) => (i === index ? { ...p, photoId } : p)) }));
  }
  return submitFeedback({ ...entry.body, photoIds });
}

/** Submissions saved on the phone until the office has them. */
export const feedbackOutbox = phoneOutbox<PendingSubmission['body'], PendingSubmission, MyFeedbackDetail>({
  storageKey: 'feedback.pending',
  isEntry: isPendingSubmission,
  send: sendSubmission,
  forget: (entry) => entry.photos.forEach((photo) => discardKeptPhoto(photo.path)),
  sentLater: '待发送的反馈已发出',
});

/**
 * Saves a checked submission on the phone (replacing an earlier copy with the same clientId, as when
 * a refused one is changed), with lasting copies of its photos, then sends it.
 */
export async function saveAndSend(
  body: Omit<SubmitFeedback, 'photoIds'>,
  photos: PendingPhoto[],
  sessionLabel: string | null,
): Promise<SendOutcome<MyFeedbackDetail>> {
  const savedAt = new Date();
  const toKeep = photos.filter((photo) => !photo.photoId);
  const keptPaths = await keepPhotos(
    toKeep.map((photo) => photo.path),
    `${body.clientId}-${savedAt.getTime()}`,
    feedbackOutbox
      .entries()
      .filter((entry) => entry.body.clientId !== body.clientId)
      .flatMap((entry) => entry.photos.map((photo) => photo.path)),
  );
  const kept = photos.map((photo) => (photo.photoId ? photo : { path: keptPaths[toKeep.indexOf(photo)], photoId: null }));
  const saved = (withPhotos: PendingPhoto[]): PendingSubmission => ({
    body,
    photos: withPhotos,
    sessionLabel,
    savedAt: savedAt.toISOString(),
    attempts: 0,
    nextAttemptAt: null,
    lastProblem: null,
    refusal: null,
  });
  // Read again after copying: a waiting submission may have been sent meanwhile.
  const earlier = feedbackOutbox.find(body.clientId);
  try {
    feedbackOutbox.put(saved(kept));
  } catch {
    // The browser's storage is full after all: the photos as chosen still serve while the page is open.
    feedbackOutbox.put(saved(photos));
  }
  const nowSaved = feedbackOutbox.find(body.clientId)?.photos ?? [];
  [...(earlier?.photos ?? []), ...kept]
    .filter((photo) => !nowSaved.some((p) => p.path === photo.path))
    .forEach((photo) => discardKeptPhoto(photo.path));
  return feedbackOutbox.send(body.clientId);
}

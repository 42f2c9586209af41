import Taro from '@tarojs/taro';
import { feedbackContract } from '@core/feedback/contract';
import type { FeedbackForm, MyFeedbackDetail, NotificationTemplate, SubmitFeedbackInput } from '@core/feedback/schemas';
import { apiUrl, callApi, uploadFileToApi } from '../../../shared/api/api-client';
import { asResident, callAsResident } from '../../../shared/api/auth-session';

export function fetchFeedbackForm(stationId: string | undefined, onSite: boolean): Promise<FeedbackForm> {
  return callAsResident(feedbackContract.form, { query: { stationId, onSite: onSite ? '1' : '0' } });
}

/** Uploads one photo from the phone; the answer is the id to submit it under. */
export async function uploadPhoto(filePath: string): Promise<string> {
  const uploaded = await asResident((token) =>
    uploadFileToApi(feedbackContract.uploadPhoto, { filePath, field: 'photo' }, token),
  );
  return uploaded.id;
}

export function submitFeedback(body: SubmitFeedbackInput): Promise<MyFeedbackDetail> {
  return callAsResident(feedbackContract.submit, { body });
}

export async function fetchMyFeedback() {
  return (await callAsResident(feedbackContract.mine)).items;
}

export function fetchMyFeedbackDetail(id: string): Promise<MyFeedbackDetail> {
  return callAsResident(feedbackContract.mineDetail, { params: { id } });
}

export function rateFeedback(id: string, stars: number, comment: string | null): Promise<MyFeedbackDetail> {
  return callAsResident(feedbackContract.rate, { params: { id }, body: { stars, comment } });
}

/** A closed session's public summary: anyone may read it, signed in or not. */
export function fetchSessionSummary(stationId: string, date: string) {
  return callApi(feedbackContract.sessionSummary, { params: { stationId, date } });
}

export async function reportSubscriptions(accepted: NotificationTemplate[]): Promise<void> {
  await callAsResident(feedbackContract.subscribe, { body: { accepted } });
}

/**
 * Fetches one photo to a file on the phone: photos are shown only to those allowed to see them, so
 * the request carries the sign-in, which an image tag cannot.
 */
export async function downloadPhoto(photoId: string): Promise<string> {
  const { statusCode, tempFilePath } = await asResident((token) =>
    Taro.downloadFile({
      url: apiUrl(feedbackContract.photo, { params: { photoId } }),
      header: { Authorization: `Bearer ${token}` },
    }),
  );
  if (statusCode !== 200) throw new Error(`photo ${statusCode}`);
  return tempFilePath;
}

import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';
import { sharingContract } from '@core/sharing/contract';
import type { ShareBoardQuerySchema, ShareKind } from '@core/sharing/schemas';
import { ApiRequestError, apiUrl } from '../../../shared/api/api-client';
import { asResident, callAsResident, callAsStaff } from '../../../shared/api/auth-session';

export type ShareBoardQuery = z.infer<typeof ShareBoardQuerySchema>;

export function fetchMyShares() {
  return callAsResident(sharingContract.mine);
}

export function fetchShareBoard(query: ShareBoardQuery) {
  return callAsStaff(sharingContract.board, { query });
}

/**
 * The poster's code image, downloaded to a file on the phone (a blob address in a browser) for the canvas.
 * Asked as the resident on this phone, so that a grid worker's code carries their attribution.
 */
export function downloadPosterCode(kind: ShareKind, itemId: string): Promise<string> {
  const url = apiUrl(sharingContract.posterCode, { query: { kind, itemId } });
  return asResident(async (token) => {
    let result: Taro.downloadFile.FileSuccessCallbackResult;
    try {
      result = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
    } catch {
      throw new ApiRequestError('network', null, '网络连接不畅，码没有取到，请稍后重试');
    }
    if (result.statusCode === 401) throw new ApiRequestError('server', 401, '登录已过期', 'TOKEN_INVALID');
    if (result.statusCode !== 200) throw new ApiRequestError('server', result.statusCode, '码没有生成出来，请稍后再试');
    return result.tempFilePath;
  });
}

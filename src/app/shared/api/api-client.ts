import Taro from '@tarojs/taro';
import { buildPath, type RouteContract, type RouteInput, type RouteResponse } from '@core/api/contract';
import { ApiErrorSchema } from '@core/shared/schemas';

export type ApiFailureKind = 'network' | 'server' | 'contract';

/** A failed call, with a message that can be shown to the person as it is. */
export class ApiRequestError extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    readonly status: number | null,
    message: string,
    /** The server's error code, e.g. TOKEN_INVALID. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

const TIMEOUT_MS = 15_000;

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function apiUrl<C extends RouteContract>(contract: C, input: Partial<RouteInput<C>> = {}): string {
  return (
    API_BASE +
    buildPath(contract.path, input.params as Record<string, string> | undefined) +
    queryString(input.query as Record<string, unknown> | undefined)
  );
}

/**
 * Calls one contract operation, as the holder of `token` when given, and checks the answer against
 * the contract before anyone uses it.
 */
export async function callApi<C extends RouteContract & { response: object }>(
  contract: C,
  input: Partial<RouteInput<C>> = {},
  token?: string,
): Promise<RouteResponse<C>> {
  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject>;
  try {
    response = await Taro.request({
      url: apiUrl(contract, input),
      method: contract.method,
      data: input.body,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: TIMEOUT_MS,
      dataType: 'json',
    });
  } catch {
    throw new ApiRequestError('network', null, '网络连接不畅，请检查网络后重试');
  }
  return checkedAnswer(contract, response.statusCode, response.data);
}

/** The server's answer as the contract promises it, or the error to show in its place. */
function checkedAnswer<C extends RouteContract & { response: object }>(
  contract: C,
  statusCode: number,
  data: unknown,
): RouteResponse<C> {
  if (statusCode >= 400) {
    const problem = ApiErrorSchema.safeParse(data);
    if (!problem.success) throw new ApiRequestError('server', statusCode, '服务暂时不可用，请稍后再试');
    throw new ApiRequestError('server', statusCode, problem.data.message, problem.data.code);
  }
  const parsed = contract.response!.safeParse(data);
  if (!parsed.success) {
    throw new ApiRequestError('contract', statusCode, '收到的数据有误，请稍后再试或更新小程序');
  }
  return parsed.data as RouteResponse<C>;
}

// A photo of several megabytes on a village network takes far longer than a JSON call.
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Sends one file on the phone as a multipart field (Taro.uploadFile) to a contract operation, as the
 * holder of `token`, and checks the answer as callApi does.
 */
export async function uploadFileToApi<C extends RouteContract & { response: object }>(
  contract: C,
  file: { filePath: string; field: string },
  token: string,
): Promise<RouteResponse<C>> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: apiUrl(contract),
      filePath: file.filePath,
      name: file.field,
      header: { Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw new ApiRequestError('network', null, '网络连接不畅，照片没有传上去，请稍后重试');
  }
  // uploadFile hands the body back as text.
  let data: unknown = null;
  try {
    data = JSON.parse(response.data);
  } catch {
    data = null;
  }
  return checkedAnswer(contract, response.statusCode, data);
}

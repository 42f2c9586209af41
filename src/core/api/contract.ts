import type * as z from 'zod/mini';
import type { Operation } from '../identity/permissions';

type Schema = z.ZodMiniType;

/**
 * One HTTP operation, described once: the server validates requests and responses with these
 * schemas and publishes them as OpenAPI, and the app builds and checks its calls from the same object.
 */
export interface RouteContract {
  /** Its entry in the permission table. */
  operation: Operation;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the API base, with `:name` placeholders for path parameters. */
  path: string;
  summary: string;
  tags: readonly string[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The success body. Absent for operations that answer with a file rather than JSON. */
  response?: Schema;
  /** For file answers: the media type sent. */
  produces?: string;
}

export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

type InferOr<S, Fallback> = S extends Schema ? z.infer<S> : Fallback;
type InputOr<S, Fallback> = S extends Schema ? z.input<S> : Fallback;

export type RouteParams<C extends RouteContract> = InferOr<C['params'], Record<string, never>>;
export type RouteQuery<C extends RouteContract> = InferOr<C['query'], Record<string, never>>;
export type RouteBody<C extends RouteContract> = InferOr<C['body'], undefined>;
export type RouteResponse<C extends RouteContract> = InferOr<C['response'], never>;

/** What a caller passes: schema inputs, before defaults and coercion. */
export interface RouteInput<C extends RouteContract> {
  params: InputOr<C['params'], undefined>;
  query: InputOr<C['query'], undefined>;
  body: InputOr<C['body'], undefined>;
}

/** Fills `:name` placeholders with URL-encoded values. */
export function buildPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

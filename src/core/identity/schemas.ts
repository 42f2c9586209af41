import * as z from 'zod/mini';
import { localDateSchema } from '../shared/schemas';
import { daysBetween, isLocalDate } from '../shared/shanghai-time';
import { BINDING_CODE_LENGTH, isBindingCode, normalizeBindingCode } from './binding-code';
import { ROLES } from './roles';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const SupervisorStatusSchema = z.enum(['active', 'not_started', 'expired', 'revoked']);

export const SupervisorCardSchema = z.object({
  name: z.string(),
  certificateNo: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  status: SupervisorStatusSchema,
});
export type SupervisorCard = z.infer<typeof SupervisorCardSchema>;

export const GridWorkerCardSchema = z.object({
  name: z.string(),
  /** The grid's id, which the worker's share cards carry for attribution. */
  gridId: z.string(),
  /** The worker's short public code (SHARER_CODE_PATTERN), which their share cards carry with the grid. */
  sharerCode: z.string(),
  gridName: z.string(),
  communityName: z.string(),
});

/** Who the caller is, as the app shows it on 我的. */
export const MeSchema = z.object({
  kind: z.enum(['wechat', 'guest', 'staff']),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
  supervisor: z.nullable(SupervisorCardSchema),
  gridWorker: z.nullable(GridWorkerCardSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const SignedInSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  me: MeSchema,
});
export type SignedIn = z.infer<typeof SignedInSchema>;

export const WeChatSignInSchema = z.object({
  code: z.string({ error: '缺少微信登录凭证' }).check(z.minLength(1, '缺少微信登录凭证'), z.maxLength(128, '微信登录凭证格式不对')),
});

export const GuestSignInSchema = z.object({});

export const StaffSignInSchema = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、点、下划线或短横线')),
  password: z.string({ error: '请填写密码' }).check(z.minLength(1, '请填写密码'), z.maxLength(128, '密码最多 128 位')),
});

export const NewPasswordSchema = z
  .string({ error: '请填写新密码' })
  .check(
    z.minLength(10, '新密码至少 10 位'),
    z.maxLength(128, '新密码最多 128 位'),
    z.refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '新密码要同时包含字母和数字'),
  );

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: '请填写当前密码' }).check(z.minLength(1, '请填写当前密码'), z.maxLength(128)),
    newPassword: NewPasswordSchema,
  })
  .check(z.refine((b) => b.currentPassword !== b.newPassword, { error: '新密码不能与当前密码相同', path: ['newPassword'] }));

export const BindSchema = z.object({
  code: z
    .string({ error: '请填写绑定码' })
    .check(
      z.maxLength(32, { error: `绑定码应为 ${BINDING_CODE_LENGTH} 位字母或数字`, abort: true }),
      z.overwrite(normalizeBindingCode),
      z.refine(isBindingCode, `绑定码应为 ${BINDING_CODE_LENGTH} 位字母或数字（不含 0、1、I、L、O）`),
    ),
});

const MAX_TERM_DAYS = 366 * 5;

export const CreateSupervisorSchema = z
  .object({
    name: text('姓名', 20),
    certificateNo: text('聘书编号', 32),
    termStart: localDateSchema('聘期开始日期'),
    termEnd: localDateSchema('聘期结束日期'),
  })
  .check(
    z.refine((s) => !isLocalDate(s.termStart) || !isLocalDate(s.termEnd) || s.termStart <= s.termEnd, {
      error: '聘期结束日期不能早于开始日期',
      path: ['termEnd'],
    }),
    z.refine(
      (s) => !isLocalDate(s.termStart) || !isLocalDate(s.termEnd) || daysBetween(s.termStart, s.termEnd) <= MAX_TERM_DAYS,
      { error: '聘期最长 5 年', path: ['termEnd'] },
    ),
  );

export const CreateGridWorkerSchema = z.object({
  name: text('姓名', 20),
  gridId: text('网格', 64),
});

export const IdParamsSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '编号格式不对')),
});

export const SupervisorRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  status: SupervisorStatusSchema,
  bound: z.boolean(),
});

export const GridWorkerRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  communityName: z.string(),
  revoked: z.boolean(),
  bound: z.boolean(),
});

export const GridListSchema = z.object({
  grids: z.array(z.object({ id: z.string(), name: z.string(), communityName: z.string() })),
});

export const BindingCodeIssuedSchema = z.object({ code: z.string(), expiresAt: z.string() });
export const OkSchema = z.object({ ok: z.literal(true) });

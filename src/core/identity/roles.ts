export const ROLES = ['anonymous', 'resident', 'supervisor', 'grid_worker', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  anonymous: '未登录',
  resident: '居民',
  supervisor: '行政执法监督员',
  grid_worker: '网格员',
  staff: '工作人员',
  admin: '管理员',
};

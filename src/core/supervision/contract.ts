import { defineRoute } from '../api/contract';
import { ActivitySchema, LogActivitySchema, MyActivitiesSchema, StaffActivitiesSchema, StaffActivityQuerySchema } from './schemas';

const tags = ['执法监督员'] as const;

export const supervisionContract = {
  logActivity: defineRoute({
    operation: 'supervision.logActivity',
    method: 'POST',
    path: '/supervision/activities',
    summary: '记录一次现场参加的执法活动（日期、执法单位、观察到的情况）；重复提交返回原记录',
    tags,
    body: LogActivitySchema,
    response: ActivitySchema,
  }),
  myActivities: defineRoute({
    operation: 'supervision.myActivities',
    method: 'GET',
    path: '/supervision/activities',
    summary: '我记录的执法活动，最近的在前',
    tags,
    response: MyActivitiesSchema,
  }),
  staffActivities: defineRoute({
    operation: 'staff.supervisionActivities',
    method: 'GET',
    path: '/staff/supervision/activities',
    summary: '监督员记录的执法活动（按日期区间）',
    tags: ['工作人员：统计与导出'],
    query: StaffActivityQuerySchema,
    response: StaffActivitiesSchema,
  }),
};

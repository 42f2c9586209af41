import { defineRoute } from '../api/contract';
import { EventParamsSchema, EventSchema } from '../events/schemas';
import {
  AnnualQuerySchema,
  AnnualSummarySchema,
  DashboardSchema,
  EventAttendanceSchema,
  ExportQuerySchema,
  ReportQuerySchema,
  TransparencyQuerySchema,
  TransparencySchema,
} from './schemas';

const officeTags = ['工作人员：统计与导出'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportsContract = {
  dashboard: defineRoute({
    operation: 'staff.dashboard',
    method: 'GET',
    path: '/staff/dashboard',
    summary: '工作台：所选期间、社区的反馈、监督、宣传活动与答题数据',
    tags: officeTags,
    query: ReportQuerySchema,
    response: DashboardSchema,
  }),
  annualSummary: defineRoute({
    operation: 'staff.annualSummary',
    method: 'GET',
    path: '/staff/reports/annual',
    summary: '年度汇总：按法治建设报告的写法列出全年数据',
    tags: officeTags,
    query: AnnualQuerySchema,
    response: AnnualSummarySchema,
  }),
  annualSummaryFile: defineRoute({
    operation: 'staff.annualSummaryFile',
    method: 'GET',
    path: '/staff/reports/annual.xlsx',
    summary: '年度汇总（Excel）：首页为汇总，每个数字一页，列出其背后的记录（已匿名）',
    tags: officeTags,
    query: AnnualQuerySchema,
    produces: XLSX,
  }),
  exportFeedback: defineRoute({
    operation: 'staff.exportFeedback',
    method: 'GET',
    path: '/staff/exports/feedback',
    summary: '导出反馈（xlsx 或 csv；匿名反馈不含提交人，手机号打码）',
    tags: officeTags,
    query: ExportQuerySchema,
    produces: `${XLSX} | text/csv`,
  }),
  exportSignUps: defineRoute({
    operation: 'staff.exportSignUps',
    method: 'GET',
    path: '/staff/exports/sign-ups',
    summary: '导出期间内活动的报名与签到（xlsx 或 csv）',
    tags: officeTags,
    query: ExportQuerySchema,
    produces: `${XLSX} | text/csv`,
  }),
  exportQuizResults: defineRoute({
    operation: 'staff.exportQuizResults',
    method: 'GET',
    path: '/staff/exports/quiz-results',
    summary: '导出答题成绩：竞赛答卷与每日一练（xlsx 或 csv）',
    tags: officeTags,
    query: ExportQuerySchema,
    produces: `${XLSX} | text/csv`,
  }),
  recordAttendance: defineRoute({
    operation: 'staff.recordAttendance',
    method: 'PUT',
    path: '/staff/events/:id/attendance',
    summary: '登记活动实到人数（集中宣传等不报名的活动以此计入受众）',
    tags: ['工作人员：宣传活动'],
    params: EventParamsSchema,
    body: EventAttendanceSchema,
    response: EventSchema,
  }),
  transparency: defineRoute({
    operation: 'public.transparency',
    method: 'GET',
    path: '/public/transparency',
    summary: '公开信息：本年度匿名统计、接待日小结、办公室热线与邮箱（无需登录）',
    tags: ['公开信息'],
    query: TransparencyQuerySchema,
    response: TransparencySchema,
  }),
};

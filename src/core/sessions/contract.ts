import { defineRoute } from '../api/contract';
import {
  SessionDateParamsSchema,
  SessionRangeQuerySchema,
  StationListSchema,
  StationParamsSchema,
  StationSessionsSchema,
  UpcomingQuerySchema,
} from './schemas';

const tags = ['驿站接待日'] as const;

export const sessionsContract = {
  listStations: defineRoute({
    operation: 'sessions.listStations',
    method: 'GET',
    path: '/stations',
    summary: '驿站列表',
    tags,
    response: StationListSchema,
  }),
  listSessions: defineRoute({
    operation: 'sessions.listSessions',
    method: 'GET',
    path: '/stations/:stationId/sessions',
    summary: '某驿站在日期范围内的接待日（含已取消、已改期）',
    tags,
    params: StationParamsSchema,
    query: SessionRangeQuerySchema,
    response: StationSessionsSchema,
  }),
  upcomingSessions: defineRoute({
    operation: 'sessions.upcomingSessions',
    method: 'GET',
    path: '/stations/:stationId/sessions/upcoming',
    summary: '某驿站接下来的 N 次接待日，正在进行的一次排在最前',
    tags,
    params: StationParamsSchema,
    query: UpcomingQuerySchema,
    response: StationSessionsSchema,
  }),
  sessionCalendarFile: defineRoute({
    operation: 'sessions.calendarFile',
    method: 'GET',
    path: '/stations/:stationId/sessions/:date/calendar.ics',
    summary: '一次接待日的日历文件（.ics），供浏览器加入手机日历',
    tags,
    params: SessionDateParamsSchema,
    produces: 'text/calendar',
  }),
};

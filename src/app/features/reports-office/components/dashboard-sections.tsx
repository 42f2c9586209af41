import { Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import type { Count, Dashboard } from '@core/reports/schemas';
import { rateLabel } from '../../../shared/format/contest-labels';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { reportsOfficeApi } from '../api/reports-office-api';
import { durationFigure, maybeLabel, monthOnAxis } from '../format';
import { BarChart, type Bar } from './bar-chart';
import { Figure, Figures, FigureTable } from './figures';
import { LineChart } from './line-chart';
import '../../../shared/ui/office-page.scss';
import './reports-office.scss';

const countBars = (counts: readonly Count[]): Bar[] => counts.map(({ key, label, count }) => ({ key, label, value: count }));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View aria-label={title}>
      <View className="office-page__section">{title}</View>
      {children}
    </View>
  );
}

function FeedbackSection({ feedback }: { feedback: Dashboard['feedback'] }) {
  const { firstReply, satisfaction, assessment } = feedback;
  return (
    <Section title="执法监督反馈">
      <Figures>
        <Figure label="收到反馈" value={feedback.total} unit="条" />
        <Figure label="已答复" value={firstReply.replied} unit="条" />
        <Figure label="首次答复用时（中位数）" {...durationFigure(firstReply.medianHours)} />
        <Figure label="首次答复用时（90% 在此之内）" {...durationFigure(firstReply.p90Hours)} />
        <Figure label="当前超期未答复" value={feedback.overdueNow} unit="条" alert={feedback.overdueNow > 0} />
        <Figure label="提交研判" value={assessment.flagged} unit="项" />
      </Figures>
      <View className="reports-office__note" aria-label="满意度">
        {satisfaction.rated === 0
          ? '满意度：还没有人评价答复'
          : `满意度：评价 ${satisfaction.rated} 条，平均 ${maybeLabel(satisfaction.averageStars)} 星；满意（4–5 星）${satisfaction.satisfied} 条，占 ${maybeLabel(satisfaction.satisfiedRate, '%')}；不满意（1–2 星）${satisfaction.dissatisfied} 条`}
      </View>
      <BarChart title="按类型" bars={countBars(feedback.byKind)} unit="条" />
      <BarChart title="按类别" bars={countBars(feedback.byCategory)} unit="条" />
      <BarChart title="按当前状态" bars={countBars(feedback.byStatus)} unit="条" />
      {assessment.flagged > 0 && <BarChart title="研判事项办理情况" bars={countBars(assessment.byStatus)} unit="项" />}
      <FigureTable
        title="按接待日"
        head={['接待日', '反馈', '已答复']}
        empty="期间内没有反馈"
        rows={feedback.bySession.map((session) => ({
          key: `${session.stationId}/${session.date}`,
          cells: [`${sessionDayLabel(session.date)} ${session.stationName}`, session.items, session.replied],
        }))}
      />
    </Section>
  );
}

/** The period's enforcement activities as the supervisors logged them, newest first; asked for when opened. */
function ActivityRecords({ from, to }: Dashboard['period']) {
  const load = useCallback(() => reportsOfficeApi.supervisionActivities({ from, to }), [from, to]);
  const { data, problem, reload } = useStaffQuery(load);
  if (problem && !data) return <ErrorBlock message={problem} onRetry={() => void reload()} />;
  if (!data) return <LoadingBlock />;
  if (data.length === 0) return <View className="reports-office__note">期间内监督员没有记录执法活动</View>;
  return (
    <View role="list" aria-label="执法活动记录">
      {data.map((activity) => (
        <View key={activity.id} className="activity-record" role="listitem" aria-label={`${activity.date} ${activity.supervisorName}`}>
          <View className="activity-record__head">
            {activity.date} · {activity.supervisorName}
          </View>
          <View className="activity-record__unit">
            {activity.unit}
            {activity.place && ` · ${activity.place}`}
          </View>
          <View className="activity-record__observation">{activity.observation}</View>
        </View>
      ))}
    </View>
  );
}

interface SupervisionSectionProps {
  supervision: Dashboard['supervision'];
  period: Dashboard['period'];
  /** No community chosen: every figure is the whole town's. */
  townWide: boolean;
}

function SupervisionSection({ supervision, period, townWide }: SupervisionSectionProps) {
  const [showingActivities, setShowingActivities] = useState(false);
  return (
    <Section title="执法监督员">
      <Figures>
        <Figure label="监督意见" value={supervision.opinions} unit="条" />
        <Figure label="现场参加执法活动" value={supervision.activities} unit="次" />
      </Figures>
      {/* An activity is logged against a unit, not a place in a community: only the opinions follow the choice. */}
      {!townWide && <View className="reports-office__note">执法活动不分社区，为全镇数</View>}
      <FigureTable
        title="各监督员"
        head={['监督员', '监督意见', '执法活动']}
        empty="期间内监督员没有提交意见或记录执法活动"
        rows={supervision.bySupervisor.map((row) => ({ key: row.supervisorId, cells: [row.name, row.opinions, row.activities] }))}
      />
      <View className="figure-table">
        <View
          className="figure-table__title figure-table__toggle"
          role="button"
          aria-expanded={showingActivities}
          onClick={() => setShowingActivities((shown) => !shown)}
        >
          {showingActivities ? '收起执法活动记录' : `查看执法活动记录（${supervision.activities} 次）`}
        </View>
        {showingActivities && <ActivityRecords from={period.from} to={period.to} />}
      </View>
    </Section>
  );
}

function EventsSection({ events }: { events: Dashboard['events'] }) {
  const eventBars = (rows: Dashboard['events']['byType']): Bar[] =>
    rows.map(({ key, label, events: held, attendance }) => ({ key, label, value: held, detail: `受众 ${attendance} 人次` }));
  return (
    <Section title="法治宣传活动">
      <Figures>
        <Figure label="开展活动" value={events.held} unit="场" />
        <Figure label="活动受众" value={events.attendance} unit="人次" />
        <Figure label="报名" value={events.signedUp} unit="人" />
        <Figure label="签到" value={events.checkedIn} unit="人" />
        <Figure label="取消" value={events.cancelled} unit="场" />
      </Figures>
      <View className="reports-office__note">受众按登记的实到人数计；未登记的活动按签到人数计。</View>
      <BarChart title="按活动类型" bars={eventBars(events.byType)} unit="场" />
      <BarChart title="按主题" bars={eventBars(events.byTheme)} unit="场" />
    </Section>
  );
}

type UnitRow = Dashboard['quiz']['byCommunity'][number];

const unitRows = (rows: readonly UnitRow[]) =>
  rows.map((row) => ({
    key: row.id,
    cells: [row.name, row.takers, maybeLabel(row.averageScore), rateLabel(row.rate)] as const,
    note: `答卷 ${row.attempts} 份${row.population === null ? '' : ` · 人口 ${row.population}`}`,
  }));

function QuizSection({ quiz }: { quiz: Dashboard['quiz'] }) {
  const head = ['名称', '参赛人数', '平均分', '参与率'];
  return (
    <Section title="民法典答题">
      <Figures>
        <Figure label="知识竞赛参赛" value={quiz.contests.takers} unit="人" />
        <Figure label="竞赛答卷" value={quiz.contests.attempts} unit="份" />
        <Figure label="竞赛平均分" value={maybeLabel(quiz.contests.averageScore)} unit={quiz.contests.averageScore === null ? undefined : '分'} />
        {quiz.daily && <Figure label="每日一练" value={quiz.daily.attempts} unit="人次" />}
        {quiz.daily && <Figure label="每日一练人数" value={quiz.daily.takers} unit="人" />}
      </Figures>
      {!quiz.daily && <View className="reports-office__note">每日一练不记社区，只在全镇范围统计。</View>}
      <FigureTable title="各社区（村）" head={head} rows={unitRows(quiz.byCommunity)} empty="没有配置社区（村）" />
      <FigureTable title="各网格" head={head} rows={unitRows(quiz.byGrid)} empty="没有配置网格" />
      <View className="reports-office__note">
        参与率为参赛人数占人口的百分比。未填网格的参赛者 {quiz.unassigned} 人：已计入社区表，未计入网格表。
      </View>
    </Section>
  );
}

const SERIES = {
  feedback: { label: '反馈', unit: '条' },
  replied: { label: '已答复', unit: '条' },
  events: { label: '宣传活动', unit: '场' },
  quizAttempts: { label: '答题', unit: '人次' },
} as const;
type Series = keyof typeof SERIES;

function MonthlySection({ monthly }: { monthly: Dashboard['monthly'] }) {
  const [series, setSeries] = useState<Series>('feedback');
  const points = monthly.map((row, index) => ({
    key: row.month,
    ...monthOnAxis(row.month, index === 0 || row.month.endsWith('-01')),
    value: row[series],
  }));
  return (
    <Section title="逐月变化">
      <View className="report-filters__row" aria-label="逐月指标">
        <Radio.Group value={series} direction="horizontal" shape="button" onChange={(chosen) => setSeries(chosen as Series)}>
          {(Object.keys(SERIES) as Series[]).map((key) => (
            <Radio key={key} value={key} shape="button">
              {SERIES[key].label}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      <LineChart title={`每月${SERIES[series].label}`} points={points} unit={SERIES[series].unit} />
    </Section>
  );
}

/** What the dashboard answered, section by section as `DashboardSchema` lays it out. */
export function DashboardSections({ dashboard }: { dashboard: Dashboard }) {
  return (
    <View>
      <FeedbackSection feedback={dashboard.feedback} />
      <SupervisionSection supervision={dashboard.supervision} period={dashboard.period} townWide={dashboard.community === null} />
      <EventsSection events={dashboard.events} />
      <QuizSection quiz={dashboard.quiz} />
      <MonthlySection monthly={dashboard.monthly} />
    </View>
  );
}

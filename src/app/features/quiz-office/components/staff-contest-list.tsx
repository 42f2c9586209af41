import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { PAGES } from '../../../shared/pages';
import { ContestRules } from '../../../shared/ui/contest-rules';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { quizOfficeApi } from '../api/quiz-office-api';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

/** 知识竞赛 for the office: every contest, with a way to create one and to open each one's results. */
export function StaffContestList() {
  // Read again back from creating one, so that it is in the list.
  const { data: contests, problem, reload } = useStaffQuery(quizOfficeApi.contests);

  return (
    <View className="office-page">
      <OfficeLinks current="contests" />
      <View className="quiz-office__head">
        <View className="office-page__title">知识竞赛</View>
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: PAGES.staffContestNew })}>
          新建竞赛
        </Button>
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void reload()} />}
      {!problem && !contests && <LoadingBlock />}
      {contests && contests.length === 0 && <EmptyBlock title="还没有竞赛" description="点“新建竞赛”发布第一场" />}
      {contests && contests.length > 0 && (
        <View role="list" aria-label="竞赛列表">
          {contests.map((contest) => (
            <View
              key={contest.id}
              className="office-card quiz-office__row"
              role="listitem"
              aria-label={contest.title}
              onClick={() => void Taro.navigateTo({ url: `${PAGES.staffContest}?id=${contest.id}` })}
            >
              <View className="quiz-office__row-head">
                <ContestStatusTag status={contest.status} />
                <View className="quiz-office__row-title">{contest.title}</View>
                <View className="quiz-office__row-count">{contest.participants} 人参赛</View>
              </View>
              <ContestRules contest={contest} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

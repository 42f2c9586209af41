import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { nextHeldSessions } from '../api/next-held-sessions';
import { sessionDayLabel } from '../format/session-label';
import { PAGES } from '../pages';
import './office-links.scss';

type NextSessions = Awaited<ReturnType<typeof nextHeldSessions>>;

export function agendaUrl(stationId: string, date: string): string {
  return `${PAGES.staffAgenda}?station=${encodeURIComponent(stationId)}&date=${date}`;
}

/** The office's ways in: the feedback inbox, each station's next session agenda, the events, the quizzes, the people, the figures. */
export function OfficeLinks({
  current,
}: {
  current?: 'inbox' | 'people' | 'contests' | 'questions' | 'reports' | 'events' | 'shares' | 'dashboard' | 'annual' | 'exports';
}) {
  const [next, setNext] = useState<NextSessions>([]);

  useEffect(() => {
    // Only a shortcut: without it the agenda is still reached from any item's session.
    nextHeldSessions()
      .then(setNext)
      .catch(() => setNext([]));
  }, []);

  return (
    <CellGroup className="office-links" title="办理">
      {current !== 'inbox' && (
        <Cell title="反馈收件箱" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffInbox })} />
      )}
      {next.map(({ station, session }) => (
        <Cell
          key={station.id}
          title={`接待日议程 · ${sessionDayLabel(session.date)}`}
          description={station.name}
          clickable
          onClick={() => void Taro.navigateTo({ url: agendaUrl(station.id, session.originalDate) })}
        />
      ))}
      {current !== 'events' && <Cell title="宣传活动" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffEvents })} />}
      {current !== 'shares' && <Cell title="传播效果" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffShareBoard })} />}
      {current !== 'contests' && <Cell title="知识竞赛" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffContests })} />}
      {current !== 'questions' && <Cell title="题库" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffQuestions })} />}
      {current !== 'reports' && <Cell title="纠错" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffReports })} />}
      {current !== 'people' && (
        <Cell title="监督员与网格员" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffPeople })} />
      )}
      {current !== 'dashboard' && (
        <Cell title="数据工作台" description="反馈、监督、活动与答题的统计" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffDashboard })} />
      )}
      {current !== 'annual' && <Cell title="年度汇总" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffAnnual })} />}
      {current !== 'exports' && <Cell title="导出数据" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffExports })} />}
    </CellGroup>
  );
}

import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { PAGES } from '../../../shared/pages';
import { nextHeldSessions } from '../api/office-api';
import { sessionDayLabel } from '../format';

type NextSessions = Awaited<ReturnType<typeof nextHeldSessions>>;

export function agendaUrl(stationId: string, date: string): string {
  return `${PAGES.staffAgenda}?station=${encodeURIComponent(stationId)}&date=${date}`;
}

/** The office's ways in: the feedback inbox and each station's next session agenda. */
export function OfficeLinks({ current }: { current?: 'inbox' | 'people' }) {
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
      {current !== 'people' && (
        <Cell title="监督员与网格员" clickable onClick={() => void Taro.navigateTo({ url: PAGES.staffPeople })} />
      )}
    </CellGroup>
  );
}

import { render, screen } from '@testing-library/react';
import { useAppServer } from '../../../../test/support/app-server';
import { firstStation } from '../../../../test/support/town-fixture';
import { OfficeLinks } from './office-links';

// The day after the 15 June session: the next one is on the 30th.
const now = new Date('2026-06-16T10:00:00+08:00');
useAppServer({ now: () => now });

test('the staff home leads to the inbox and to each station’s next session agenda', async () => {
  render(<OfficeLinks current="people" />);
  expect(screen.getByText('反馈收件箱')).toBeTruthy();
  expect(await screen.findByText('接待日议程 · 6月30日 星期二')).toBeTruthy();
  expect(screen.getByText(firstStation.name)).toBeTruthy();
  expect(screen.queryByText('监督员与网格员')).toBeNull();
});

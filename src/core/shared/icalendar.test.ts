import { toICalendar, type CalendarEntry } from './icalendar';

const entry: CalendarEntry = {
  uid: 'station-2026-11-30@fazhi-yizhan',
  title: '朝天咀社区红色驿站接待日',
  description: '行政执法协调监督联系点：现场收集行政执法监督意见，回应群众关切；请带上相关材料。',
  location: '重庆市江津区白沙镇朝天咀社区红色驿站',
  startsAt: new Date('2026-11-30T01:00:00Z'),
  endsAt: new Date('2026-11-30T03:30:00Z'),
  remindMinutesBefore: 1440,
};

function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n');
}

describe('iCalendar file for one session', () => {
  const ics = toICalendar(entry, new Date('2026-11-26T02:00:00Z'));

  test('uses CRLF line ends and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  test('writes times in UTC and escapes text', () => {
    const lines = unfold(ics);
    expect(lines).toContain('DTSTART:20261130T010000Z');
    expect(lines).toContain('DTEND:20261130T033000Z');
    expect(lines).toContain('DTSTAMP:20261126T020000Z');
    expect(lines).toContain('TRIGGER:-PT1440M');
    expect(lines).toContain(
      'DESCRIPTION:行政执法协调监督联系点：现场收集行政执法监督意见，回应群众关切；请带上相关材料。',
    );
    const escaped = unfold(toICalendar({ ...entry, title: 'a,b;c\\d\ne' }, new Date(0)));
    expect(escaped).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne');
  });

  test('folding never splits a Chinese character', () => {
    const folded = ics.split('\r\n').filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(0);
    expect(unfold(ics).join('')).not.toContain('\uFFFD');
    expect(unfold(ics)).toContain(`LOCATION:${entry.location}`);
  });
});

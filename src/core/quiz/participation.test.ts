import { participationByUnit, participationRate, type PopulationUnit } from './participation';

test('a rate is a percentage to one decimal', () => {
  expect(participationRate(1, 3)).toBe(33.3);
  expect(participationRate(2, 3)).toBe(66.7);
  expect(participationRate(45, 1200)).toBe(3.8);
  expect(participationRate(0, 500)).toBe(0);
  expect(participationRate(500, 500)).toBe(100);
});

test('no population gives no rate rather than Infinity or NaN', () => {
  expect(participationRate(3, 0)).toBeNull();
  expect(participationRate(0, 0)).toBeNull();
  expect(participationRate(3, -10)).toBeNull();
  expect(participationRate(3, Number.NaN)).toBeNull();
});

const grids: PopulationUnit[] = [
  { id: 'grid-1', name: '第一网格', population: 800 },
  { id: 'grid-2', name: '第二网格', population: 600 },
  { id: 'grid-3', name: '第三网格', population: 0 },
];

test('by grid: people counted once however many attempts, every grid listed, the unknown kept apart', () => {
  const table = participationByUnit(grids, [
    { personId: 'p1', unitId: 'grid-1' },
    { personId: 'p1', unitId: 'grid-1' },
    { personId: 'p2', unitId: 'grid-1' },
    { personId: 'p3', unitId: 'grid-3' },
    { personId: 'guest-1', unitId: null },
    { personId: 'p4', unitId: 'grid-retired' },
  ]);
  expect(table).toEqual({
    rows: [
      { id: 'grid-1', name: '第一网格', participants: 2, population: 800, rate: 0.3 },
      { id: 'grid-2', name: '第二网格', participants: 0, population: 600, rate: 0 },
      { id: 'grid-3', name: '第三网格', participants: 1, population: 0, rate: null },
    ],
    unassigned: 2,
  });
});

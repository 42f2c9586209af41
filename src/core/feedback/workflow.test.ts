import { applyAction, isOpen, type FeedbackState } from './workflow';

const pending: FeedbackState = { status: 'pending', reopened: false };

test('the office accepts, replies and closes', () => {
  const accepted = applyAction(pending, { kind: 'accept' });
  expect(accepted).toEqual({ status: 'accepted', reopened: false });
  const replied = applyAction(accepted as FeedbackState, { kind: 'reply' });
  expect(replied).toEqual({ status: 'replied', reopened: false });
  expect(applyAction(replied as FeedbackState, { kind: 'reply' })).toEqual({ status: 'replied', reopened: false });
  expect(applyAction(replied as FeedbackState, { kind: 'close' })).toEqual({ status: 'closed', reopened: false });
});

test('a reply can come straight from 待受理', () => {
  expect(applyAction(pending, { kind: 'reply' })).toEqual({ status: 'replied', reopened: false });
});

test('不予受理 needs a reason and only comes before acceptance', () => {
  expect(applyAction(pending, { kind: 'reject', reason: ' ' })).toBe('reason-missing');
  expect(applyAction(pending, { kind: 'reject', reason: '不属于本镇执法范围' })).toEqual({ status: 'rejected', reopened: false });
  expect(applyAction({ status: 'accepted', reopened: false }, { kind: 'reject', reason: '不属于本镇执法范围' })).toBe('not-allowed');
});

test('nothing moves a closed or rejected item except a rating of a closed one', () => {
  for (const status of ['closed', 'rejected'] as const) {
    for (const kind of ['accept', 'reply', 'close'] as const) {
      expect(applyAction({ status, reopened: false }, { kind })).toBe('not-allowed');
    }
  }
  expect(applyAction({ status: 'rejected', reopened: false }, { kind: 'rate', stars: 1 })).toBe('not-allowed');
});

test('a rating of 1–2 reopens the item once; later low ratings are only recorded', () => {
  const reopened = applyAction({ status: 'closed', reopened: false }, { kind: 'rate', stars: 2 });
  expect(reopened).toEqual({ status: 'accepted', reopened: true });
  expect(applyAction({ status: 'replied', reopened: true }, { kind: 'rate', stars: 1 })).toEqual({ status: 'replied', reopened: true });
  expect(applyAction({ status: 'replied', reopened: false }, { kind: 'rate', stars: 3 })).toEqual({ status: 'replied', reopened: false });
});

test('ratings are whole stars from 1 to 5, and only once there is a reply', () => {
  for (const stars of [0, 6, 2.5]) expect(applyAction({ status: 'replied', reopened: false }, { kind: 'rate', stars })).toBe('stars-out-of-range');
  expect(applyAction(pending, { kind: 'rate', stars: 5 })).toBe('not-allowed');
});

test('open means waiting for the office', () => {
  expect(['pending', 'accepted', 'replied', 'closed', 'rejected'].filter((s) => isOpen(s as never))).toEqual(['pending', 'accepted']);
});

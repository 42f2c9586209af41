import { BINDING_CODE_ALPHABET, formatBindingCode, isBindingCode, normalizeBindingCode } from './binding-code';

test('the alphabet has no characters an elderly reader could confuse', () => {
  for (const lookalike of ['0', 'O', '1', 'I', 'L']) expect(BINDING_CODE_ALPHABET).not.toContain(lookalike);
  expect(new Set(BINDING_CODE_ALPHABET).size).toBe(BINDING_CODE_ALPHABET.length);
});

test('codes are accepted as people type them', () => {
  expect(normalizeBindingCode(' abcd-2345 ')).toBe('ABCD2345');
  expect(normalizeBindingCode('abcd 2345')).toBe('ABCD2345');
  expect(isBindingCode(normalizeBindingCode('abcd 2345'))).toBe(true);
});

test('anything else is not a code', () => {
  expect(isBindingCode('ABCD234')).toBe(false);
  expect(isBindingCode('ABCD23456')).toBe(false);
  expect(isBindingCode('ABCD0123')).toBe(false);
  expect(isBindingCode('abcd2345')).toBe(false);
});

test('codes are shown in two groups of four', () => {
  expect(formatBindingCode('ABCD2345')).toBe('ABCD 2345');
});

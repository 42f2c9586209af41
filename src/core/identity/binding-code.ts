/** No 0/O, 1/I/L: a code read aloud or copied from paper by an elderly person must not be misread. */
export const BINDING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BINDING_CODE_LENGTH = 8;
export const BINDING_CODE_VALID_DAYS = 7;

const CODE_PATTERN = new RegExp(`^[${BINDING_CODE_ALPHABET}]{${BINDING_CODE_LENGTH}}$`);

/** As a person may type it: lower case, spaces or a dash in the middle. */
export function normalizeBindingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isBindingCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** Shown in two groups of four, the way it is easiest to read out. */
export function formatBindingCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/**
 * A random UUID v4, the idempotency key of one submission. Browsers and newer WeChat engines have
 * crypto.getRandomValues; older WeChat engines lack it (wx.getRandomValues is asynchronous), and
 * Math.random is then good enough for a key that only has to differ between one person's submissions.
 */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  const source = typeof crypto === 'undefined' ? undefined : crypto;
  if (source?.getRandomValues) {
    source.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

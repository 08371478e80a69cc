/**
 * Content sniffing: which signature format a file holds, decided by its bytes, not its name.
 * @module
 */
import type { SignatureFormat } from '../formats/report.js';

const PDF_MAGIC = '%PDF-';

function firstNonSpace(bytes: Uint8Array, limit: number): number {
  for (let i = 0; i < Math.min(bytes.length, limit); i++) {
    const c = bytes[i]!;
    // Skip a UTF-8 BOM and ASCII white space.
    if (c === 0xef || c === 0xbb || c === 0xbf || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return i;
  }
  return -1;
}

/**
 * Decides the signature format of `bytes` from its content: PDF (`%PDF-` within the first KiB, as readers
 * tolerate leading junk), XML (`<`), JSON or JWS compact (`{` or a base64url token with two dots).
 * Returns `undefined` when nothing matches.
 *
 * @example
 * ```ts
 * detectFormat(await readFile('hoc-ba.pdf')); // 'PAdES'
 * ```
 */
export function detectFormat(bytes: Uint8Array): SignatureFormat | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (head.includes(PDF_MAGIC)) return 'PAdES';
  const start = firstNonSpace(bytes, 4096);
  if (start < 0) return undefined;
  const c = bytes[start];
  if (c === 0x3c /* < */) return 'XAdES';
  if (c === 0x7b /* { */) return 'JAdES';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, 4096)).toString('latin1');
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/.test(text)) return 'JAdES';
  return undefined;
}

/**
 * Serialise PDF objects to bytes (ISO 32000-1 §7.3), for the incremental writer.
 * @module
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './objects.js';

const NAME_REGULAR = /^[!-~]$/;

/** A name made only of regular characters (no delimiter, `#`, white space or non-ASCII): written as is. */
const PLAIN_NAME = /^[!"$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]*$/;

function nameToken(n: string): string {
  if (PLAIN_NAME.test(n)) return `/${n}`;
  let out = '/';
  for (const ch of Buffer.from(n, 'latin1')) {
    const c = String.fromCharCode(ch);
    out += NAME_REGULAR.test(c) && !'()<>[]{}/%#'.includes(c) ? c : `#${ch.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Format a number the PDF way (integers as integers, reals with at most 6 decimals, no exponent).
 *
 * @example
 * ```ts
 * formatNumber(0.5) // '0.5'
 * ```
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError('PDF numbers must be finite');
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function stringToken(s: PdfString): string {
  if (s.hex) return `<${Buffer.from(s.bytes).toString('hex')}>`;
  let out = '(';
  for (const c of s.bytes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c < 0x20 || c > 0x7e) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(c);
  }
  return `${out})`;
}

/**
 * Serialise a direct object (streams are written by {@link serializeIndirect}).
 *
 * @example
 * ```ts
 * serializeObject(new PdfDict([['Type', name('Sig')]])) // '<</Type /Sig>>'
 * ```
 */
export function serializeObject(value: PdfObject): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return nameToken(value.name);
  if (value instanceof PdfString) return stringToken(value);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (Array.isArray(value)) return `[${value.map(serializeObject).join(' ')}]`;
  if (value instanceof PdfDict) {
    let out = '<<';
    for (const [k, v] of value.entries) out += `${nameToken(k)} ${serializeObject(v)}`;
    return `${out}>>`;
  }
  if (value instanceof PdfStream) throw new TypeError('a stream can only be an indirect object');
  throw new TypeError('not a PDF object');
}

/**
 * Serialise `num gen obj … endobj` (with `stream … endstream` for streams; /Length is set from the data).
 *
 * @example
 * ```ts
 * const bytes = serializeIndirect(new PdfRef(7, 0), new PdfDict([['Type', name('Catalog')]]));
 * ```
 */
export function serializeIndirect(ref: PdfRef, value: PdfObject): Uint8Array {
  if (value instanceof PdfStream) {
    const dict = value.dict.with('Length', value.data.length);
    const head = Buffer.from(`${ref.num} ${ref.gen} obj\n${serializeObject(dict)}\nstream\n`, 'latin1');
    const tail = Buffer.from('\nendstream\nendobj\n', 'latin1');
    return Buffer.concat([head, value.data, tail]);
  }
  return Buffer.from(`${ref.num} ${ref.gen} obj\n${serializeObject(value)}\nendobj\n`, 'latin1');
}

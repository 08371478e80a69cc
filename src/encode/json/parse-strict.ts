/**
 * A strict, bounded JSON parser (RFC 8259 grammar, I-JSON restrictions of RFC 7493).
 *
 * Unlike `JSON.parse` it refuses duplicate member names, lone surrogates and numbers outside the IEEE 754
 * double range, and it enforces limits on input size, nesting depth and string length. It never recurses:
 * containers are kept on an explicit stack, so hostile nesting cannot overflow the call stack.
 * @module
 */
import { EdusignError } from '../../errors.js';

/** JSON value as produced by {@link parseJsonStrict}. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Limits of {@link parseJsonStrict}. */
export interface ParseJsonOptions {
  /** Maximum input size in UTF-8 bytes (default 32 MiB). */
  maxBytes?: number;
  /** Maximum nesting depth of arrays and objects (default 256). */
  maxDepth?: number;
  /** Maximum length of one string or member name, in UTF-16 code units (default 8 Mi). */
  maxStringLength?: number;
}

/** Default limits of {@link parseJsonStrict}. */
export const DEFAULT_JSON_LIMITS: Readonly<Required<ParseJsonOptions>> = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxDepth: 256,
  maxStringLength: 8 * 1024 * 1024,
});

const LONE_SURROGATE = /\p{Surrogate}/u;
const NUMBER_SOURCE = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

type Frame =
  | { kind: 'array'; value: JsonValue[] }
  | { kind: 'object'; value: { [key: string]: JsonValue }; key: string | undefined };

function malformed(detail: string, offset: number): never {
  throw new EdusignError('JSON_MALFORMED', { detail: `${detail} at offset ${offset}`, context: { offset } });
}

function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) {
      throw new EdusignError('INPUT_TOO_LARGE', { detail: `JSON larger than ${maxBytes} bytes`, context: { maxBytes } });
    }
    return input;
  }
  if (input.byteLength > maxBytes) {
    throw new EdusignError('INPUT_TOO_LARGE', { detail: `JSON larger than ${maxBytes} bytes`, context: { maxBytes } });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch (cause) {
    throw new EdusignError('JSON_MALFORMED', { detail: 'input is not valid UTF-8', cause });
  }
}

function setMember(target: { [key: string]: JsonValue }, key: string, value: JsonValue, offset: number): void {
  if (Object.prototype.hasOwnProperty.call(target, key)) {
    throw new EdusignError('JSON_DUPLICATE_KEY', { detail: `duplicate member name ${JSON.stringify(key)} at offset ${offset}`, context: { key, offset } });
  }
  // A name Object.prototype knows ("__proto__", "constructor"…) is defined, so it is an own data property and never
  // a prototype change or an inherited setter call; other names take the (much faster) plain assignment.
  if (key in Object.prototype) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The parser state for one call; all state is local to the call. */
class Reader {
  pos = 0;
  /** Sticky number pattern; per call, because a sticky RegExp carries `lastIndex` state. */
  readonly number = new RegExp(NUMBER_SOURCE, 'y');
  /** Characters that end a plain run inside a string; per call, because a global RegExp carries `lastIndex`. */
  readonly special = /["\\\x00-\x1f]/g;
  constructor(readonly text: string, readonly limits: Required<ParseJsonOptions>) {}

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      p++;
    }
    this.pos = p;
  }

  expectLiteral(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else malformed('unexpected token', this.pos);
  }

  readNumber(): number {
    const start = this.pos;
    this.number.lastIndex = start;
    const match = this.number.exec(this.text);
    if (!match) return malformed('invalid number', start);
    const literal = match[0];
    this.pos = start + literal.length;
    const value = Number(literal);
    if (!Number.isFinite(value)) malformed(`number ${literal.slice(0, 40)} is outside the IEEE 754 double range`, start);
    if (value === 0 && /[1-9]/.test(literal.split(/[eE]/)[0] ?? '')) {
      malformed(`number ${literal.slice(0, 40)} underflows the IEEE 754 double range`, start);
    }
    return value;
  }

  readString(): string {
    const t = this.text;
    const start = this.pos;
    const max = this.limits.maxStringLength;
    const special = this.special;
    let p = start + 1; // after the opening quote
    let out = '';
    for (;;) {
      // the next quote, backslash or control character, found by the regex engine (long plain runs are common)
      special.lastIndex = p;
      const q = special.exec(t)?.index ?? -1;
      const end = q < 0 ? t.length : q;
      if (out.length + (end - p) > max) {
        throw new EdusignError('INPUT_TOO_LARGE', { detail: `string longer than ${max} characters at offset ${start}`, context: { offset: start, maxStringLength: max } });
      }
      if (q < 0) malformed('unterminated string', start);
      out += t.slice(p, q);
      p = q;
      const c = t.charCodeAt(p);
      if (c === 0x22) break;
      if (c < 0x20) malformed('unescaped control character in string', p);
      const e = t[p + 1];
      if (e === 'u') {
        const hex = t.slice(p + 2, p + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) malformed('invalid \\u escape', p);
        out += String.fromCharCode(parseInt(hex, 16));
        p += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        p += 2;
      } else {
        malformed('invalid escape', p);
      }
      if (out.length > max) {
        throw new EdusignError('INPUT_TOO_LARGE', { detail: `string longer than ${max} characters at offset ${start}`, context: { offset: start, maxStringLength: max } });
      }
    }
    this.pos = p + 1;
    if (LONE_SURROGATE.test(out)) malformed('lone surrogate in string', start);
    return out;
  }
}

/**
 * Parses JSON text or UTF-8 bytes strictly, within bounded time and memory.
 *
 * Errors (all {@link EdusignError}): `JSON_MALFORMED` (grammar, invalid UTF-8, lone surrogates, numbers outside
 * the double range, trailing content), `JSON_DUPLICATE_KEY`, `INPUT_TOO_LARGE` (input size or one string),
 * `INPUT_TOO_DEEP` (nesting). A leading UTF-8 byte order mark is ignored in byte input only.
 *
 * @example
 * ```ts
 * parseJsonStrict('{"a":[1,2.5,"Hải Phòng"]}'); // { a: [1, 2.5, 'Hải Phòng'] }
 * parseJsonStrict('{"a":1,"a":2}');             // throws EdusignError JSON_DUPLICATE_KEY
 * parseJsonStrict(bytes, { maxDepth: 32, maxBytes: 1 << 20 });
 * ```
 */
export function parseJsonStrict(input: string | Uint8Array, options: ParseJsonOptions = {}): JsonValue {
  const limits: Required<ParseJsonOptions> = { ...DEFAULT_JSON_LIMITS, ...options };
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'parseJsonStrict expects a string or a Uint8Array' });
  }
  const r = new Reader(decodeInput(input, limits.maxBytes), limits);
  const t = r.text;
  const stack: Frame[] = [];
  let result: JsonValue | undefined;
  let done = false;

  // Attaches a finished value to the enclosing container (or makes it the result).
  const emit = (value: JsonValue, offset: number): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = value;
      done = true;
    } else if (top.kind === 'array') {
      top.value.push(value);
    } else {
      setMember(top.value, top.key as string, value, offset);
      top.key = undefined;
    }
  };

  const push = (frame: Frame): void => {
    if (stack.length >= limits.maxDepth) {
      throw new EdusignError('INPUT_TOO_DEEP', { detail: `nesting deeper than ${limits.maxDepth} at offset ${r.pos}`, context: { offset: r.pos, maxDepth: limits.maxDepth } });
    }
    stack.push(frame);
  };

  // Reads "name" ":" for the object on top of the stack.
  const readMemberName = (frame: Extract<Frame, { kind: 'object' }>): void => {
    r.skipWhitespace();
    if (t[r.pos] !== '"') malformed('expected a member name', r.pos);
    frame.key = r.readString();
    r.skipWhitespace();
    if (t[r.pos] !== ':') malformed("expected ':'", r.pos);
    r.pos++;
  };

  while (!done) {
    r.skipWhitespace();
    const offset = r.pos;
    const c = t[offset];
    switch (c) {
      case '{': {
        r.pos++;
        const frame: Frame = { kind: 'object', value: {}, key: undefined };
        push(frame);
        r.skipWhitespace();
        if (t[r.pos] === '}') {
          r.pos++;
          stack.pop();
          emit(frame.value, offset);
        } else {
          readMemberName(frame);
          continue;
        }
        break;
      }
      case '[': {
        r.pos++;
        const frame: Frame = { kind: 'array', value: [] };
        push(frame);
        r.skipWhitespace();
        if (t[r.pos] === ']') {
          r.pos++;
          stack.pop();
          emit(frame.value, offset);
        } else {
          continue;
        }
        break;
      }
      case '"':
        emit(r.readString(), offset);
        break;
      case 't':
        r.expectLiteral('true');
        emit(true, offset);
        break;
      case 'f':
        r.expectLiteral('false');
        emit(false, offset);
        break;
      case 'n':
        r.expectLiteral('null');
        emit(null, offset);
        break;
      case undefined:
        malformed('unexpected end of input', offset);
        break;
      default:
        if (c === '-' || (c >= '0' && c <= '9')) emit(r.readNumber(), offset);
        else malformed(`unexpected character ${JSON.stringify(c)}`, offset);
    }
    // After a value: close containers or read separators until the next value is due.
    while (!done) {
      const top = stack[stack.length - 1];
      if (!top) break;
      r.skipWhitespace();
      const sep = t[r.pos];
      if (sep === ',') {
        r.pos++;
        if (top.kind === 'object') readMemberName(top);
        break;
      }
      if ((sep === ']' && top.kind === 'array') || (sep === '}' && top.kind === 'object')) {
        r.pos++;
        stack.pop();
        emit(top.value, r.pos - 1);
        continue;
      }
      malformed(sep === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(sep)}`, r.pos);
    }
  }
  r.skipWhitespace();
  if (r.pos !== t.length) malformed('unexpected content after the JSON value', r.pos);
  return result as JsonValue;
}

/**
 * The JAdES unsigned header `etsiU` (ETSI TS 119 182-1 §5.3): an array of unsigned properties, each a JSON
 * object with one member. This SDK writes each element as the base64url encoding of the object's JSON text
 * (the form whose archive-timestamp input needs no canonicalisation) and reads both that and clear objects.
 * @module
 */
import { parseJsonStrict, type JsonValue } from '../../../encode/json/parse-strict.js';
import { b64url, decodeB64url } from './base64url.js';
import { isJsonObject, type JwsSignatureObject } from './jws-document.js';

/** One `etsiU` element, decoded. */
export interface EtsiUEntry {
  /** The property name (`sigTst`, `xVals`, `rVals`, `arcTst`, …). */
  name: string;
  value: JsonValue;
  /** The element as written: a base64url string, or a clear object. */
  raw: JsonValue;
  /** Whether the element was base64url-encoded. */
  encoded: boolean;
}

/** Result of {@link readEtsiU}. */
export interface EtsiURead {
  entries: EtsiUEntry[];
  /** Problems (malformed elements), as text. */
  problems: string[];
}

/**
 * Decode the `etsiU` array of a signature (never throws; malformed elements are listed in `problems`).
 *
 * @example
 * ```ts
 * readEtsiU(signature).entries.map((e) => e.name); // ['sigTst', 'xVals', 'rVals', 'arcTst']
 * ```
 */
export function readEtsiU(signature: JwsSignatureObject): EtsiURead {
  const entries: EtsiUEntry[] = [];
  const problems: string[] = [];
  const list = signature.header?.etsiU;
  if (list === undefined) return { entries, problems };
  if (!Array.isArray(list)) return { entries, problems: ['etsiU is not an array'] };
  for (const [i, raw] of list.entries()) {
    let obj: JsonValue | undefined = raw;
    const encoded = typeof raw === 'string';
    if (typeof raw === 'string') {
      const bytes = decodeB64url(raw);
      try {
        obj = bytes ? parseJsonStrict(bytes, { maxDepth: 32 }) : undefined;
      } catch {
        obj = undefined;
      }
    }
    if (!isJsonObject(obj) || Object.keys(obj).length !== 1) {
      problems.push(`etsiU[${i}] is not a one-member JSON object`);
      continue;
    }
    const name = Object.keys(obj)[0] as string;
    entries.push({ name, value: obj[name] as JsonValue, raw, encoded });
  }
  if (entries.length > 1 && entries.some((e) => e.encoded !== (entries[0] as EtsiUEntry).encoded)) {
    problems.push('etsiU mixes base64url-encoded and clear elements');
  }
  return { entries, problems };
}

/**
 * A copy of `signature` with one more `etsiU` element (base64url-encoded JSON of `{ [name]: value }`).
 *
 * @example
 * ```ts
 * const next = appendEtsiU(signature, 'sigTst', { tstTokens: [{ val: tokenBase64 }] });
 * ```
 */
export function appendEtsiU(signature: JwsSignatureObject, name: string, value: JsonValue): JwsSignatureObject {
  const old = signature.header?.etsiU;
  const list: JsonValue[] = Array.isArray(old) ? [...old] : [];
  list.push(b64url(JSON.stringify({ [name]: value })));
  return { ...signature, header: { ...(signature.header ?? {}), etsiU: list } };
}

/**
 * Record → XML in the namespace {@link RECORD_XML_NAMESPACE}, canonical and deterministic:
 * members in the order of the shape table, map entries sorted by key (UTF-16 code units), two-space
 * indentation between elements, no whitespace inside text elements, text NFC-normalised, `\r`, `\t` and `\n`
 * in text written as character references so that no XML processor can alter them.
 *
 * Mapping: every JSON member is an element of the same name; an array is a wrapper element with one child
 * per item (`<years><tt22Year>…</tt22Year></years>`); `null` inside `regular` is `<notEntered/>`; a map
 * (`qualities`) is `<entry key="…">value</entry>`; absent members are absent elements. See docs in
 * `record-shapes.ts` and `schemas/edusign-record.xsd`.
 * @module
 */
import { EdusignError } from '../../errors.js';
import type { Gradebook, Transcript } from '../../model/types.js';
import { RECORD_SHAPES, type RecordKind } from './record-shapes.js';
import type { MapShape, ObjectShape, Shape } from './shape.js';

/** XML namespace of edusign-vn records (version 1 of the representation). */
export const RECORD_XML_NAMESPACE = 'urn:edusign-vn:record:1';

/** Root element of a record wrapped for sequential signatures (the record is its first child, with an `Id`). */
export const RECORD_ENVELOPE_ELEMENT = 'signedRecord';

/** Element (after the record, in the record namespace) holding one slot per signer role (as in e-invoices' DSCKS). */
export const SIGNATURE_CONTAINER_ELEMENT = 'DSCKS';

/** Options of {@link toXml}. */
export interface ToXmlOptions {
  /**
   * Wrap the record for signing by several signers in turn: `<signedRecord><transcript Id="…">…</transcript></signedRecord>`.
   * Each XAdES signature then references the record by `#Id` and goes into a role slot of a `<DSCKS>` container
   * after it, so a later signature never changes what an earlier one signed. `id` must be an XML NCName.
   */
  envelope?: { id: string };
  /** NFC-normalise text (default `true`; records are NFC by definition). */
  normalizeNfc?: boolean;
  /** Emit the `<?xml …?>` declaration (default `true`). */
  declaration?: boolean;
}

const NON_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/u;

function invalid(detail: string, path: string): never {
  throw new EdusignError('RECORD_INVALID', { detail: `${detail} at ${path || '/'}`, context: { path } });
}

function escapeText(value: string, path: string): string {
  const bad = NON_XML_CHAR.exec(value);
  if (bad) invalid(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML`, path);
  return value.replace(/[&<>"\r\n\t]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '\r': return '&#xD;';
      case '\n': return '&#xA;';
      default: return '&#x9;';
    }
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes one value of a known shape; `out` collects lines. @internal */
class XmlWriter {
  readonly out: string[] = [];
  constructor(private readonly nfc: boolean) {}

  text(value: unknown, path: string): string {
    if (typeof value !== 'string') invalid(`expected a string, found ${value === null ? 'null' : typeof value}`, path);
    return escapeText(this.nfc ? value.normalize('NFC') : value, path);
  }

  leaf(tag: string, content: string, indent: string, attributes = ''): void {
    this.out.push(content === '' ? `${indent}<${tag}${attributes}/>` : `${indent}<${tag}${attributes}>${content}</${tag}>`);
  }

  container(tag: string, indent: string, attributes: string, body: () => void): void {
    const start = this.out.length;
    this.out.push(`${indent}<${tag}${attributes}>`);
    body();
    if (this.out.length === start + 1) this.out[start] = `${indent}<${tag}${attributes}/>`;
    else this.out.push(`${indent}</${tag}>`);
  }

  object(value: unknown, shape: ObjectShape, tag: string, indent: string, path: string, attributes = ''): void {
    if (!isPlainObject(value)) invalid(`expected an object (${shape.name})`, path);
    const known = new Set(shape.members.map(([key]) => key));
    for (const key of Object.keys(value)) {
      if (!known.has(key) && value[key] !== undefined) invalid(`unknown member "${key}" in ${shape.name}`, pointer(path, key));
    }
    this.container(tag, indent, attributes, () => {
      for (const [key, field] of shape.members) {
        const member = value[key];
        if (member === undefined) {
          if (!field.optional) invalid(`missing member "${key}" of ${shape.name}`, pointer(path, key));
          continue;
        }
        this.value(member, field.shape, key, `${indent}  `, pointer(path, key));
      }
    });
  }

  map(value: unknown, shape: MapShape, tag: string, indent: string, path: string): void {
    if (!isPlainObject(value)) invalid('expected an object (map)', path);
    const nfcKeys = new Map<string, unknown>();
    for (const key of Object.keys(value)) {
      if (value[key] === undefined) continue;
      const normalized = this.nfc ? key.normalize('NFC') : key;
      if (nfcKeys.has(normalized)) invalid(`duplicate key "${normalized}" after NFC normalisation`, path);
      nfcKeys.set(normalized, value[key]);
    }
    this.container(tag, indent, '', () => {
      for (const key of [...nfcKeys.keys()].sort(compareCodeUnits)) {
        const childPath = pointer(path, key);
        this.leaf(shape.entryElement, this.text(nfcKeys.get(key), childPath), `${indent}  `, ` key="${escapeText(key, childPath)}"`);
      }
    });
  }

  value(value: unknown, shape: Shape, tag: string, indent: string, path: string): void {
    switch (shape.kind) {
      case 'string':
        this.leaf(tag, this.text(value, path), indent);
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) invalid('expected an integer', path);
        this.leaf(tag, String(value), indent);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') invalid('expected a boolean', path);
        this.leaf(tag, String(value), indent);
        return;
      case 'const':
        if (value !== shape.value) invalid(`expected ${JSON.stringify(shape.value)}`, path);
        this.leaf(tag, String(value), indent);
        return;
      case 'object':
        this.object(value, shape, tag, indent, path);
        return;
      case 'map':
        this.map(value, shape, tag, indent, path);
        return;
      default:
        this.array(value, shape, tag, indent, path);
    }
  }

  array(value: unknown, shape: Extract<Shape, { kind: 'array' | 'nullableArray' | 'unionArray' }>, tag: string, indent: string, path: string): void {
    if (!Array.isArray(value)) invalid('expected an array', path);
    const inner = `${indent}  `;
    this.container(tag, indent, '', () => {
      value.forEach((item: unknown, i) => {
        const itemPath = pointer(path, i);
        if (shape.kind === 'array') {
          this.value(item, shape.item, shape.itemElement, inner, itemPath);
        } else if (shape.kind === 'nullableArray') {
          if (item === null) this.leaf(shape.nullElement, '', inner);
          else this.value(item, shape.item, shape.valueElement, inner, itemPath);
        } else {
          const tagValue = isPlainObject(item) ? item[shape.discriminator] : undefined;
          const variant = shape.variants.find((v) => v.tag === tagValue);
          if (!variant) invalid(`unknown ${shape.discriminator} ${JSON.stringify(tagValue ?? null)}`, pointer(itemPath, shape.discriminator));
          this.object(item, variant.shape, variant.element, inner, itemPath);
        }
      });
    });
  }
}

/**
 * Serialises a transcript or gradebook as record XML (namespace {@link RECORD_XML_NAMESPACE}), canonically:
 * the same record always gives the same bytes. Throws `RECORD_INVALID` when the value does not have the
 * record's JSON shape (unknown or missing members, wrong JSON types, text XML cannot carry). Values are not
 * checked against the Ministry rules here: that is `validateTranscript` / `validateGradebook`.
 *
 * @example
 * ```ts
 * const xml = toXml(transcript);            // '<?xml version="1.0" encoding="UTF-8"?>\n<transcript xmlns="urn:edusign-vn:record:1">…'
 * const back = fromXml(xml);                // deep-equals transcript (text in NFC)
 * const toSign = toXml(transcript, { envelope: { id: 'data' } }); // <signedRecord><transcript Id="data">…
 * ```
 */
export function toXml(record: Transcript | Gradebook, options: ToXmlOptions = {}): string {
  const value: unknown = record;
  const kind = isPlainObject(value) ? value.kind : undefined;
  if (kind !== 'transcript' && kind !== 'gradebook') invalid('"kind" must be "transcript" or "gradebook"', '/kind');
  const writer = new XmlWriter(options.normalizeNfc ?? true);
  const namespace = ` xmlns="${RECORD_XML_NAMESPACE}"`;
  if (options.envelope === undefined) {
    writer.object(value, RECORD_SHAPES[kind as RecordKind], kind, '', '', namespace);
  } else {
    const id = options.envelope.id;
    if (typeof id !== 'string' || !/^[A-Za-z_][A-Za-z0-9._-]{0,63}$/.test(id)) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: 'envelope.id must be an XML NCName of at most 64 characters', context: { id } });
    }
    writer.out.push(`<${RECORD_ENVELOPE_ELEMENT}${namespace}>`);
    writer.object(value, RECORD_SHAPES[kind as RecordKind], kind, '  ', '', ` Id="${id}"`);
    writer.out.push(`</${RECORD_ENVELOPE_ELEMENT}>`);
  }
  const declaration = options.declaration ?? true ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
  return `${declaration}${writer.out.join('\n')}\n`;
}

/**
 * A deliberately small, hand-written PDF writer for tests: a base document, incremental updates with any objects
 * (or free entries), and detached signatures whose CMS is made by a callback (openssl, a hostile forger, …).
 * It shares no code with the SDK's PDF writer, so verifier tests do not test the SDK against itself.
 */

const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

/** A stream object body. */
export function stream(content: string | Uint8Array, dict = ''): string {
  const data = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  return `<< /Length ${Buffer.byteLength(data, 'latin1')} ${dict} >>\nstream\n${data}\nendstream`;
}

/** Options of {@link TestPdf.sign}. */
export interface TestSignOptions {
  field: string;
  /** Produce the CMS (or timestamp token) over the two signed ranges. */
  cms: (chunks: [Uint8Array, Uint8Array]) => Uint8Array | Promise<Uint8Array>;
  /** Hex digits reserved for /Contents (default 16384). */
  placeholder?: number;
  /** Certify with DocMDP P. */
  docMdp?: 1 | 2 | 3;
  /** `/ETSI.RFC3161` makes a document timestamp. */
  subFilter?: string;
  /** Extra objects written in the same update (e.g. a DSS), by number. */
  extra?: Record<number, string>;
  /** Extra catalog entries (e.g. `/DSS 20 0 R`). */
  catalogExtra?: string;
  /** Rewrite the signature dictionary before it is written (attacks: duplicate keys, missing entries). */
  sigBody?: (body: string) => string;
  /** Choose other ranges than the honest `[0, a, b, c]` (attacks); `text` is the file as latin1. */
  ranges?: (honest: [number, number, number, number], text: string, sigOffset: number) => [number, number, number, number];
  /** Where the CMS goes: default the /Contents placeholder (offset of its `<`). */
  cmsAt?: (honestContentsStart: number, text: string, sigOffset: number) => number;
  /** FieldMDP lock written into the signature's /Reference. */
  fieldMdp?: { action: 'All' | 'Include' | 'Exclude'; fields?: string[] };
}

/** A PDF under construction, with its current object bodies kept for later updates. */
export class TestPdf {
  bytes: Uint8Array;
  readonly bodies = new Map<number, string>();
  size: number;
  private fields: string[] = [];
  private catalogExtras: string[] = [];
  /** Written into every later trailer (e.g. `/Info 7 0 R`), as real writers carry /Info forward. */
  trailerInfo = '';
  /** Object number of the AcroForm, allocated by the first signature. */
  acroFormNum: number | undefined;

  private constructor(bytes: Uint8Array, bodies: Map<number, string>, size: number) {
    this.bytes = bytes;
    for (const [k, v] of bodies) this.bodies.set(k, v);
    this.size = size;
  }

  /** A one-page document: 1 catalog, 2 pages, 3 page, 4 content, 5 font. */
  static create(options: { text?: string; extraObjects?: Record<number, string>; formFields?: string[] } = {}): TestPdf {
    const bodies = new Map<number, string>([
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'],
      [4, stream(`BT /F1 18 Tf 72 770 Td (${options.text ?? 'Hoc ba - Nguyen Van A - Toan 9.5'}) Tj ET`)],
      [5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
    ]);
    if (options.formFields) {
      bodies.set(1, '<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R >>');
      bodies.set(6, `<< /Fields [${options.formFields.join(' ')}] >>`);
    }
    for (const [k, v] of Object.entries(options.extraObjects ?? {})) bodies.set(Number(k), v);
    const size = Math.max(...bodies.keys()) + 1;
    let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
    const offsets = new Map<number, number>();
    for (const [num, body] of [...bodies].sort((x, y) => x[0] - y[0])) {
      offsets.set(num, out.length);
      out += `${num} 0 obj\n${body}\nendobj\n`;
    }
    const xref = out.length;
    out += `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) {
      const o = offsets.get(n);
      out += o === undefined ? '0000000000 65535 f \n' : `${String(o).padStart(10, '0')} 00000 n \n`;
    }
    out += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const pdf = new TestPdf(latin1(out), bodies, size);
    if (options.formFields) { pdf.acroFormNum = 6; pdf.fields.push(...options.formFields); }
    return pdf;
  }

  /** Reserve a new object number. */
  alloc(): number {
    return this.size++;
  }

  /**
   * Append an incremental update writing `changes` (a body, or `null` for a free entry).
   * Returns the offset of each object written.
   */
  update(changes: Record<number, string | null>, options: { trailerExtra?: string } = {}): Map<number, number> {
    const base = this.bytes.length;
    const prev = this.lastStartxref();
    let out = '';
    const offsets = new Map<number, number>();
    const nums = Object.keys(changes).map(Number).sort((x, y) => x - y);
    for (const num of nums) {
      const body = changes[num];
      if (body === null || body === undefined) { this.bodies.delete(num); continue; }
      offsets.set(num, base + out.length);
      out += `${num} 0 obj\n${body}\nendobj\n`;
      this.bodies.set(num, body);
      this.size = Math.max(this.size, num + 1);
    }
    const xref = base + out.length;
    out += 'xref\n0 1\n0000000000 65535 f \n';
    for (const num of nums) {
      const o = offsets.get(num);
      out += `${num} 1\n${o === undefined ? '0000000000 00001 f ' : `${String(o).padStart(10, '0')} 00000 n `}\n`;
    }
    out += `trailer\n<< /Size ${this.size} /Root 1 0 R /Prev ${prev} ${this.trailerInfo} ${options.trailerExtra ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
    this.append(latin1(out));
    return offsets;
  }

  /** Append raw bytes. */
  append(extra: Uint8Array): void {
    const next = new Uint8Array(this.bytes.length + extra.length);
    next.set(this.bytes);
    next.set(extra, this.bytes.length);
    this.bytes = next;
  }

  private lastStartxref(): number {
    const s = Buffer.from(this.bytes).toString('latin1');
    const all = [...s.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
    const m = all[all.length - 1];
    if (!m) throw new Error('no startxref');
    return Number(m[1]);
  }

  /** The catalog body with the AcroForm, Perms and extra entries this helper manages. */
  catalogBody(acroFormNum: number, perms?: string): string {
    return `<< /Type /Catalog /Pages 2 0 R /AcroForm ${acroFormNum} 0 R ${perms ?? ''} ${this.catalogExtras.join(' ')} >>`;
  }

  /** Add (or replace) the DSS in a new incremental update: one stream per certificate, OCSP response and CRL. */
  addDss(data: { certificates?: Uint8Array[]; ocspResponses?: Uint8Array[]; crls?: Uint8Array[] }): number {
    const changes: Record<number, string> = {};
    const list = (items: Uint8Array[] | undefined): string => (items ?? []).map((item) => {
      const n = this.alloc();
      changes[n] = stream(item);
      return `${n} 0 R`;
    }).join(' ');
    const dssNum = this.alloc();
    changes[dssNum] = `<< /Type /DSS /Certs [${list(data.certificates)}] /OCSPs [${list(data.ocspResponses)}] /CRLs [${list(data.crls)}] >>`;
    this.catalogExtras = this.catalogExtras.filter((e) => !e.startsWith('/DSS '));
    this.catalogExtras.push(`/DSS ${dssNum} 0 R`);
    changes[1] = this.acroFormNum === undefined
      ? `<< /Type /Catalog /Pages 2 0 R ${this.catalogExtras.join(' ')} >>`
      : this.catalogBody(this.acroFormNum, this.existingPerms());
    this.update(changes);
    return dssNum;
  }

  /** Sign (or timestamp) the document in a new incremental update; returns the signature dictionary number. */
  sign(options: TestSignOptions): number {
    const { sigNum, chunks, fill } = this.prepare(options);
    const cms = options.cms(chunks);
    if (cms instanceof Promise) throw new Error('use signAsync for asynchronous CMS producers');
    fill(cms);
    return sigNum;
  }

  /** {@link sign} with an asynchronous CMS producer (a TSA, a remote signer). */
  async signAsync(options: TestSignOptions): Promise<number> {
    const { sigNum, chunks, fill } = this.prepare(options);
    fill(await options.cms(chunks));
    return sigNum;
  }

  /** Write the update with a placeholder; `fill` writes the CMS into it. */
  prepare(options: TestSignOptions): { sigNum: number; chunks: [Uint8Array, Uint8Array]; fill(cms: Uint8Array): void } {
    const placeholder = options.placeholder ?? 16384;
    const acroForm = (this.acroFormNum ??= this.alloc());
    const sigNum = this.alloc();
    const fieldNum = this.alloc();
    this.fields.push(`${fieldNum} 0 R`);
    if (options.catalogExtra) this.catalogExtras.push(options.catalogExtra);
    const timestamp = options.subFilter === 'ETSI.RFC3161';
    const refs: string[] = [];
    if (options.docMdp) refs.push(`<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P ${options.docMdp} /V /1.2 >> >>`);
    if (options.fieldMdp) {
      const fields = options.fieldMdp.fields ? `/Fields [${options.fieldMdp.fields.map((f) => `(${f})`).join(' ')}]` : '';
      refs.push(`<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams /Action /${options.fieldMdp.action} ${fields} /V /1.2 >> >>`);
    }
    const honestBody = `<< /Type /${timestamp ? 'DocTimeStamp' : 'Sig'} /Filter /Adobe.PPKLite /SubFilter /${options.subFilter ?? 'ETSI.CAdES.detached'} ` +
      `/ByteRange [0 ********** ********** **********] ${refs.length ? `/Reference [${refs.join(' ')}]` : ''} ` +
      `/M (D:20261129150000+07'00') /Contents <${'0'.repeat(placeholder)}> >>`;
    const sigBody = options.sigBody ? options.sigBody(honestBody) : honestBody;
    const perms = options.docMdp ? `/Perms << /DocMDP ${sigNum} 0 R >>` : undefined;
    const changes: Record<number, string> = {
      1: this.catalogBody(acroForm, perms ?? this.existingPerms()),
      [acroForm]: `<< /Fields [${this.fields.join(' ')}] /SigFlags 3 >>`,
      [sigNum]: sigBody,
      [fieldNum]: `<< /FT /Sig /T (${options.field}) /V ${sigNum} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 0 R >>`,
      ...(options.extra ?? {}),
    };
    const offsets = this.update(changes);
    const sigOffset = offsets.get(sigNum)!;
    const text = Buffer.from(this.bytes).toString('latin1');
    const brAt = text.indexOf('[0 ********** ********** **********]', sigOffset);
    const contentsAt = text.indexOf('/Contents <', sigOffset) + '/Contents '.length;
    const honest: [number, number, number, number] = [0, contentsAt, contentsAt + placeholder + 2, this.bytes.length - (contentsAt + placeholder + 2)];
    const [r0, a, b, c] = options.ranges ? options.ranges(honest, text, sigOffset) : honest;
    if (brAt >= 0) {
      const br = `[${r0} ${String(a).padEnd(10)} ${String(b).padEnd(10)} ${String(c).padEnd(10)}]`.slice(0, 36).padEnd(36);
      this.bytes.set(latin1(br), brAt);
    }
    const cmsStart = options.cmsAt ? options.cmsAt(contentsAt, text, sigOffset) : contentsAt;
    const bytes = this.bytes;
    return {
      sigNum,
      chunks: [bytes.subarray(r0, r0 + a), bytes.subarray(b, Math.min(bytes.length, b + c))],
      fill: (cms) => {
        const hex = Buffer.from(cms).toString('hex');
        if (hex.length > placeholder) throw new Error('placeholder too small');
        bytes.set(latin1(hex), cmsStart + 1);
      },
    };
  }

  private existingPerms(): string | undefined {
    const m = /\/Perms << \/DocMDP \d+ 0 R >>/.exec(this.bodies.get(1) ?? '');
    return m?.[0];
  }
}

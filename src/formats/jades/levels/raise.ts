/**
 * Raise one signature of a JWS to a baseline level, each level an operation on the output of the one below:
 * B-T = B-B + `sigTst`, B-LT = B-T + `xVals`/`rVals`, B-LTA = B-LT + `arcTst`.
 * @module
 */
import { EdusignError } from '../../../errors.js';
import type { Finding } from '../../../pki/indication.js';
import type { ValidationData } from '../../../pki/types.js';
import type { BaselineLevel } from '../../report.js';
import type { JwsSignOptionsBase } from '../options.js';
import { signedDataPart } from '../lib/archive-input.js';
import { decodeB64Standard } from '../lib/base64url.js';
import { readEtsiU } from '../lib/etsi-u.js';
import { readProtectedHeader } from '../lib/header-read.js';
import type { JwsDocument } from '../lib/jws-document.js';
import { addArchiveTimestamp } from './archive-timestamp.js';
import { addSignatureTimestamp } from './signature-timestamp.js';
import { addValidationData } from './validation-data.js';

const ORDER: readonly BaselineLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

/** Extra inputs of {@link raiseSignature}. */
export interface RaiseContext {
  /** Validation data gathered by check-before-signing (embedded at B-LT). */
  checkData?: ValidationData;
  /** The detached payload, when the JWS has none (needed by `arcTst`). */
  payload?: Uint8Array;
}

/**
 * Index of a level in B-B < B-T < B-LT < B-LTA; throws INVALID_ARGUMENT for anything else.
 *
 * @example
 * ```ts
 * levelRank('B-LT'); // 2
 * ```
 */
export function levelRank(level: unknown): number {
  const i = ORDER.indexOf(level as BaselineLevel);
  if (i < 0) throw new EdusignError('INVALID_ARGUMENT', { detail: `unknown level ${String(level)} (B-B, B-T, B-LT, B-LTA)` });
  return i;
}

function needTsa(options: JwsSignOptionsBase, level: BaselineLevel): NonNullable<JwsSignOptionsBase['timestampAuthority']> {
  if (!options.timestampAuthority) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a timestamp authority (options.timestampAuthority)`, detailVi: `mức ${level} cần dịch vụ cấp dấu thời gian (options.timestampAuthority)` });
  }
  return options.timestampAuthority;
}

/**
 * Refuse, before anything is signed, options that cannot reach `level` (no TSA for B-T+, no trust store for B-LT+).
 *
 * @example
 * ```ts
 * assertLevelReachable('B-LT', { timestampAuthority: tsa, check: { trustStore } });
 * ```
 */
export function assertLevelReachable(level: BaselineLevel, options: JwsSignOptionsBase): void {
  const rank = levelRank(level);
  if (rank >= 1) needTsa(options, level);
  if (rank >= 2 && !(options.validation?.trustStore ?? options.check?.trustStore)) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a trust store (options.validation.trustStore or options.check.trustStore)`, detailVi: `mức ${level} cần kho chứng thư tin cậy` });
  }
}

/**
 * Return a copy of `doc` whose signature `index` is raised to `level` (steps already present are kept;
 * asking B-LTA of a B-LTA signature adds one more archive timestamp).
 *
 * @example
 * ```ts
 * const { doc: lta } = await raiseSignature(doc, 0, 'B-LTA', { timestampAuthority: tsa, check: { trustStore } }, {});
 * ```
 */
export async function raiseSignature(doc: JwsDocument, index: number, level: BaselineLevel, options: JwsSignOptionsBase, ctx: RaiseContext = {}): Promise<{ doc: JwsDocument; warnings: Finding[] }> {
  const target = levelRank(level);
  const warnings: Finding[] = [];
  let signature = doc.signatures[index];
  if (!signature) throw new EdusignError('INVALID_ARGUMENT', { detail: `no signature at index ${index}` });
  if (target === 0) return { doc, warnings };
  const head = readProtectedHeader(signature.protected);
  if (!head.ok) throw new EdusignError('JWS_MALFORMED', { detail: head.reason });
  const hash = options.timestampHash ?? 'SHA-256';
  const has = (name: string): boolean => readEtsiU(signature as NonNullable<typeof signature>).entries.some((e) => e.name === name);
  if (!has('sigTst')) signature = await addSignatureTimestamp(signature, needTsa(options, level), hash);
  if (target >= 2 && !has('xVals')) {
    const trustStore = options.validation?.trustStore ?? options.check?.trustStore;
    if (!trustStore) {
      throw new EdusignError('INVALID_ARGUMENT', { detail: `level ${level} needs a trust store (options.validation.trustStore or options.check.trustStore)`, detailVi: `mức ${level} cần kho chứng thư tin cậy` });
    }
    const check = options.check ?? {};
    const validation = {
      ...(check.fetcher ? { fetcher: check.fetcher } : {}), ...(check.cache ? { cache: check.cache } : {}),
      ...(check.offline ? { offline: true } : {}), ...(check.revocation ? { revocation: check.revocation } : {}),
      ...options.validation, trustStore,
    };
    const x5c = Array.isArray(head.header.x5c) ? head.header.x5c.map((c) => (typeof c === 'string' ? decodeB64Standard(c) : undefined)) : [];
    const certificates = x5c.filter((c): c is Uint8Array => c !== undefined);
    const extra: Partial<ValidationData> = {
      certificates: [...(ctx.checkData?.certificates ?? []), ...(options.validationData?.certificates ?? [])],
      crls: [...(ctx.checkData?.crls ?? []), ...(options.validationData?.crls ?? [])],
      ocspResponses: [...(ctx.checkData?.ocspResponses ?? []), ...(options.validationData?.ocspResponses ?? [])],
    };
    const added = await addValidationData(signature, { validation, extra, certificates });
    signature = added.signature;
    warnings.push(...added.warnings);
  }
  if (target >= 3) {
    const dataPart = signedDataPart(doc, head.header, ctx.payload);
    signature = await addArchiveTimestamp(signature, dataPart, needTsa(options, level), hash);
  }
  const signatures = [...doc.signatures];
  signatures[index] = signature;
  return { doc: { ...doc, signatures }, warnings };
}

/**
 * Finding the slot, the private key and its certificate on a PKCS#11 token.
 * @module
 */
import type { Handle, PKCS11, Template } from 'pkcs11js';
import { EdusignError } from '../../errors.js';
import type { Pkcs11Module } from './module.js';

/** Which token: by label, or by slot ID. */
export interface TokenSelector {
  tokenLabel?: string;
  slot?: number | bigint;
}

function slotId(handle: Handle): bigint {
  return handle.length >= 8 ? handle.readBigUInt64LE(0) : BigInt(handle.readUInt32LE(0));
}

/**
 * The slot holding the selected token, and its label. Throws PKCS11_ERROR when no such token is present.
 *
 * @example
 * ```ts
 * const { slot, label } = findSlot(p11, { tokenLabel: 'edusign' });
 * ```
 */
export function findSlot(p11: PKCS11, selector: TokenSelector): { slot: Handle; label: string } {
  const slots = p11.C_GetSlotList(true);
  const labelled = slots.map((slot) => ({ slot, label: p11.C_GetTokenInfo(slot).label.trim() }));
  const found = selector.tokenLabel !== undefined
    ? labelled.find((s) => s.label === selector.tokenLabel)
    : selector.slot !== undefined
      ? labelled.find((s) => slotId(s.slot) === BigInt(selector.slot as number | bigint))
      : labelled.length === 1 ? labelled[0] : undefined;
  if (!found) {
    throw new EdusignError('PKCS11_ERROR', {
      detail: `token not found (${selector.tokenLabel ?? selector.slot ?? 'several tokens present: choose one'}); present: ${labelled.map((s) => s.label).join(', ') || 'none'}`,
      detailVi: 'không tìm thấy token', context: { present: labelled.map((s) => s.label) },
    });
  }
  return found;
}

/**
 * All objects matching a template.
 *
 * @example
 * ```ts
 * findObjects(p11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }]);
 * ```
 */
export function findObjects(p11: PKCS11, session: Handle, template: Template): Handle[] {
  p11.C_FindObjectsInit(session, template);
  try {
    const out: Handle[] = [];
    for (;;) {
      const batch = p11.C_FindObjects(session, 16);
      out.push(...batch);
      if (batch.length < 16) return out;
    }
  } finally {
    p11.C_FindObjectsFinal(session);
  }
}

/** Which key: by label and/or CKA_ID. */
export interface KeySelector {
  keyLabel?: string;
  /** CKA_ID as bytes or hex. */
  keyId?: Uint8Array | string;
}

/**
 * The CKA_ID bytes of a selector's `keyId` (hex string or bytes).
 *
 * @example
 * ```ts
 * keyIdBytes('01'); // Buffer <01>
 * ```
 */
export function keyIdBytes(keyId: Uint8Array | string): Buffer {
  if (typeof keyId !== 'string') return Buffer.from(keyId);
  if (!/^([0-9a-fA-F]{2})+$/.test(keyId)) throw new EdusignError('INVALID_ARGUMENT', { detail: 'keyId must be hex' });
  return Buffer.from(keyId, 'hex');
}

/**
 * The private key selected by label/ID, and its CKA_ID. Throws PKCS11_KEY_NOT_FOUND when there is none, and
 * INVALID_ARGUMENT when nothing was selected and the token holds several keys.
 *
 * @example
 * ```ts
 * const { key, id } = findPrivateKey(pkcs11js, p11, session, { keyLabel: 'teacher' });
 * ```
 */
export function findPrivateKey(m: Pkcs11Module, p11: PKCS11, session: Handle, selector: KeySelector): { key: Handle; id: Buffer } {
  const template: Template = [{ type: m.CKA_CLASS, value: m.CKO_PRIVATE_KEY }];
  if (selector.keyLabel !== undefined) template.push({ type: m.CKA_LABEL, value: selector.keyLabel });
  if (selector.keyId !== undefined) template.push({ type: m.CKA_ID, value: keyIdBytes(selector.keyId) });
  const keys = findObjects(p11, session, template);
  const context = { keyLabel: selector.keyLabel, keyId: selector.keyId === undefined ? undefined
    : keyIdBytes(selector.keyId).toString('hex') };
  if (keys.length === 0) throw new EdusignError('PKCS11_KEY_NOT_FOUND', { context });
  if (keys.length > 1 && selector.keyLabel === undefined && selector.keyId === undefined) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `the token holds ${keys.length} private keys: give keyLabel or keyId`,
      detailVi: `token có ${keys.length} khóa: hãy chỉ rõ keyLabel hoặc keyId` });
  }
  const key = keys[0] as Handle;
  const [idAttr] = p11.C_GetAttributeValue(session, key, [{ type: m.CKA_ID }]);
  return { key, id: Buffer.from((idAttr?.value as Buffer | undefined) ?? Buffer.alloc(0)) };
}

/**
 * The DER of the X.509 certificate with this CKA_ID, or null.
 *
 * @example
 * ```ts
 * const der = findCertificateById(pkcs11js, p11, session, id);
 * ```
 */
export function findCertificateById(m: Pkcs11Module, p11: PKCS11, session: Handle, id: Buffer): Uint8Array | null {
  if (id.length === 0) return null;
  const certs = findObjects(p11, session, [{ type: m.CKA_CLASS, value: m.CKO_CERTIFICATE }, { type: m.CKA_ID, value: id }]);
  for (const cert of certs) {
    const [value] = p11.C_GetAttributeValue(session, cert, [{ type: m.CKA_VALUE }]);
    if (value?.value && value.value.length > 0) return new Uint8Array(value.value as Buffer);
  }
  return null;
}

/**
 * The RSA modulus of a private key object (a public attribute, readable even for sensitive keys), or null.
 *
 * @example
 * ```ts
 * const n = readRsaModulus(pkcs11js, p11, session, key);
 * ```
 */
export function readRsaModulus(m: Pkcs11Module, p11: PKCS11, session: Handle, key: Handle): Buffer | null {
  try {
    const [type, modulus] = p11.C_GetAttributeValue(session, key, [{ type: m.CKA_KEY_TYPE }, { type: m.CKA_MODULUS }]);
    const keyType = (type?.value as Buffer | undefined)?.readUInt32LE(0);
    if (keyType !== m.CKK_RSA || !modulus?.value) return null;
    return modulus.value as Buffer;
  } catch {
    return null;
  }
}

/**
 * The uncompressed EC point (`04 || x || y`) of the public key object with this CKA_ID, or null when the token
 * holds no such object (CKA_EC_POINT is a DER OCTET STRING; some tokens store it raw, both are accepted).
 *
 * @example
 * ```ts
 * const point = readEcPublicPoint(pkcs11js, p11, session, id);
 * ```
 */
export function readEcPublicPoint(m: Pkcs11Module, p11: PKCS11, session: Handle, id: Buffer): Buffer | null {
  if (id.length === 0) return null;
  try {
    const [pub] = findObjects(p11, session, [{ type: m.CKA_CLASS, value: m.CKO_PUBLIC_KEY }, { type: m.CKA_ID, value: id }]);
    if (!pub) return null;
    const [attr] = p11.C_GetAttributeValue(session, pub, [{ type: m.CKA_EC_POINT }]);
    const raw = attr?.value as Buffer | undefined;
    if (!raw || raw.length === 0) return null;
    if (raw[0] === 0x04 && raw.length > 2 && raw[1] === raw.length - 2 && raw[2] === 0x04) return raw.subarray(2);
    if (raw[0] === 0x04 && raw.length > 3 && raw[1] === 0x81 && raw[2] === raw.length - 3) return raw.subarray(3);
    return raw;
  } catch {
    return null;
  }
}

/**
 * Key source: a PEM private key (PKCS#8, encrypted PKCS#8, PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`,
 * or DER PKCS#8) plus its certificate.
 * @module
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { EdusignError } from '../errors.js';
import type { CertificateInput } from './certificate-input.js';
import { keyObjectSigner, type SignerAlgorithmOptions } from './key-object-signer.js';
import type { Signer } from './types.js';

/** Options for {@link loadPemSigner}. */
export interface PemSignerOptions extends SignerAlgorithmOptions {
  /** The private key: PEM text, PEM bytes or DER PKCS#8 bytes. */
  key: string | Uint8Array;
  /** The signer's certificate (PEM or DER). */
  certificate: CertificateInput;
  /** Further certificates: an array, or one PEM text with several. */
  chain?: readonly CertificateInput[] | string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
}

function nodeErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
}

/**
 * Parse a private key; maps node:crypto failures to KEY_WRONG_PASSWORD / KEY_MALFORMED.
 *
 * @example
 * ```ts
 * const key = parsePrivateKey(readFileSync('key.pem'), 'secret');
 * ```
 */
export function parsePrivateKey(key: string | Uint8Array, passphrase?: string): KeyObject {
  // DER starts with a SEQUENCE (0x30); anything else is PEM text (perhaps after "Bag Attributes" lines)
  const isText = typeof key === 'string' || (key.length > 0 && key[0] !== 0x30);
  const text = typeof key === 'string' ? key : isText ? new TextDecoder().decode(key) : '';
  const encrypted = isText && /ENCRYPTED/.test(text);
  if (encrypted && passphrase === undefined) {
    throw new EdusignError('KEY_WRONG_PASSWORD', { detail: 'the key is encrypted: a passphrase is needed',
      detailVi: 'khóa được mã hóa: cần mật khẩu' });
  }
  try {
    return isText
      ? createPrivateKey({ key: text, format: 'pem', ...(passphrase === undefined ? {} : { passphrase }) })
      : createPrivateKey({ key: Buffer.from(key as Uint8Array), format: 'der', type: 'pkcs8',
        ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (cause) {
    const code = nodeErrorCode(cause);
    const detail = `${code} ${(cause as Error).message ?? ''}`.trim();
    // An encrypted key that does not decrypt is, in practice, a wrong passphrase (a damaged ciphertext looks the same).
    if (encrypted || code === 'ERR_MISSING_PASSPHRASE' || /BAD_DECRYPT/i.test(detail)) {
      throw new EdusignError('KEY_WRONG_PASSWORD', { detail, cause });
    }
    throw new EdusignError('KEY_MALFORMED', { detail, cause });
  }
}

/**
 * Load a PEM key and certificate as a {@link Signer}.
 *
 * @example
 * ```ts
 * const signer = loadPemSigner({
 *   key: readFileSync('teacher.key.pem', 'utf8'),
 *   certificate: readFileSync('teacher.cert.pem', 'utf8'),
 *   chain: readFileSync('intermediates.pem', 'utf8'),
 * });
 * ```
 */
export function loadPemSigner(options: PemSignerOptions): Signer {
  const privateKey = parsePrivateKey(options.key, options.passphrase);
  return keyObjectSigner({ ...options, privateKey });
}

/**
 * Key source: a PKCS#11 token (USB token, HSM) through pkcs11js. The certificate is read from the token
 * (CKO_CERTIFICATE with the key's CKA_ID) unless supplied. Every signature the token returns is verified against
 * the certificate before it is handed out: a token that answers with garbage gives SIGNER_FAILED.
 * @module
 */
import type { Handle, Mechanism, PKCS11 } from 'pkcs11js';
import { EdusignError } from '../errors.js';
import { readCertificate, readCertificates, type CertificateInput } from './certificate-input.js';
import { assertDigestLengths, digest } from './digest.js';
import { assertAlgorithmFitsKey, defaultSignatureAlgorithm } from './key-algorithm.js';
import type { SignerAlgorithmOptions } from './key-object-signer.js';
import { digestMechanism, messageMechanism } from './pkcs11/mechanisms.js';
import { loadPkcs11Library, pkcs11ReturnCode, type LoadedLibrary } from './pkcs11/module.js';
import { findCertificateById, findPrivateKey, findSlot, readEcPublicPoint, readRsaModulus, type KeySelector,
  type TokenSelector } from './pkcs11/objects.js';
import type { SignatureAlgorithm, Signer } from './types.js';
import { assertSignatureValues, verifyMessageSignature } from './verify-signature.js';

/** Options for {@link openPkcs11Signer}. */
export interface Pkcs11SignerOptions extends SignerAlgorithmOptions, TokenSelector, KeySelector {
  /** Path of the PKCS#11 module (`/usr/lib/softhsm/libsofthsm2.so`, a vendor's token driver…). */
  library: string;
  /** User PIN. */
  pin: string;
  /** The certificate, when it is not on the token (or to override it). */
  certificate?: CertificateInput;
  /** Further certificates (the token's CA certificates are not collected automatically). */
  chain?: readonly CertificateInput[] | string;
  /**
   * PIN for keys marked CKA_ALWAYS_AUTHENTICATE (a context-specific login before every signature);
   * default: `pin`. Kept in memory for the signer's lifetime.
   */
  contextPin?: string;
}

/** A {@link Signer} backed by a token session; call {@link Pkcs11Signer.close} when done. */
export interface Pkcs11Signer extends Signer {
  /** The token's label. */
  readonly tokenLabel: string;
  /** Log out, close the session and unload the library. Idempotent. */
  close(): Promise<void>;
}

function wrapError(error: unknown, lib: LoadedLibrary, what: string): EdusignError {
  if (error instanceof EdusignError) return error;
  const rv = pkcs11ReturnCode(error);
  const m = lib.pkcs11js;
  if (rv === m.CKR_PIN_INCORRECT) return new EdusignError('PKCS11_WRONG_PIN', { cause: error });
  if (rv === m.CKR_PIN_LOCKED) {
    return new EdusignError('PKCS11_ERROR', { detail: 'the PIN is locked', detailVi: 'mã PIN đã bị khóa', cause: error });
  }
  return new EdusignError('PKCS11_ERROR', { detail: `${what}: ${(error as Error)?.message ?? String(error)}`,
    cause: error, context: { rv } });
}

function closeQuietly(lib: LoadedLibrary, session: Handle | undefined, loggedIn: boolean): void {
  const tryIt = (fn: () => void) => { try { fn(); } catch { /* best effort */ } };
  if (session && loggedIn) tryIt(() => lib.p11.C_Logout(session));
  if (session) tryIt(() => lib.p11.C_CloseSession(session));
  if (lib.ownsInitialize) tryIt(() => lib.p11.C_Finalize());
  tryIt(() => lib.p11.close());
}

function openSessionOf(session: Handle | undefined): Handle {
  if (!session) throw new EdusignError('PKCS11_ERROR', { detail: 'no session' });
  return session;
}

function readBoolean(m: LoadedLibrary['pkcs11js'], p11: PKCS11, session: Handle, object: Handle, type: number): boolean {
  try {
    const [attr] = p11.C_GetAttributeValue(session, object, [{ type }]);
    const value = attr?.value as Buffer | undefined;
    return value !== undefined && value.length > 0 && value[0] !== 0;
  } catch {
    return false;
  }
}

/** Run token operations one at a time on the session (PKCS#11 allows one active sign operation per session). */
function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function tokenSign(p11: PKCS11, session: Handle, mechanism: Mechanism, key: Handle, input: Buffer,
  contextLogin?: () => void): Promise<Uint8Array> {
  p11.C_SignInit(session, mechanism, key);
  contextLogin?.();
  const out = await p11.C_SignAsync(session, input, Buffer.alloc(4096));
  return new Uint8Array(out);
}

/**
 * Open a PKCS#11 token and return a {@link Pkcs11Signer} for one of its keys.
 * Wrong PIN → PKCS11_WRONG_PIN; no such key → PKCS11_KEY_NOT_FOUND; token/library problems → PKCS11_ERROR;
 * an RSA key whose modulus differs from the certificate's, or an EC key whose public key object (same CKA_ID)
 * differs from the certificate's → KEY_CERT_MISMATCH (an EC key without a public key object is checked on the
 * first signature, which then fails with SIGNER_FAILED).
 *
 * @example
 * ```ts
 * const signer = await openPkcs11Signer({ library: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: 'edusign',
 *   pin: '1234', keyLabel: 'teacher' });
 * try { const sig = await signer.sign(bytes); } finally { await signer.close(); }
 * ```
 */
export async function openPkcs11Signer(options: Pkcs11SignerOptions): Promise<Pkcs11Signer> {
  if (typeof options.pin !== 'string') throw new EdusignError('INVALID_ARGUMENT', { detail: 'pin is required' });
  const lib = await loadPkcs11Library(options.library);
  const { p11, pkcs11js: m } = lib;
  let session: Handle | undefined;
  let loggedIn = false;
  try {
    const { slot, label } = findSlot(p11, options);
    session = p11.C_OpenSession(slot, m.CKF_SERIAL_SESSION);
    try {
      p11.C_Login(session, m.CKU_USER, options.pin);
      loggedIn = true;
    } catch (error) {
      if (pkcs11ReturnCode(error) !== m.CKR_USER_ALREADY_LOGGED_IN) throw error;
    }
    const { key, id } = findPrivateKey(m, p11, session, options);
    const certificateInput = options.certificate ?? findCertificateById(m, p11, session, id);
    if (!certificateInput) {
      throw new EdusignError('PKCS11_ERROR', { detail: 'no certificate with the key\'s CKA_ID on the token: pass `certificate`',
        detailVi: 'không có chứng thư số cùng CKA_ID trên token: hãy truyền `certificate`' });
    }
    const { der, x509 } = readCertificate(certificateInput);
    const publicKey = x509.publicKey;
    const modulus = readRsaModulus(m, p11, session, key);
    const certModulus = publicKey.asymmetricKeyType === 'rsa'
      ? Buffer.from(publicKey.export({ format: 'jwk' }).n ?? '', 'base64url') : null;
    if ((modulus && !certModulus) || (modulus && certModulus && !modulus.equals(certModulus))) {
      throw new EdusignError('KEY_CERT_MISMATCH', { detail: 'the token key is not the certificate\'s key' });
    }
    const point = publicKey.asymmetricKeyType === 'ec' ? readEcPublicPoint(m, p11, session, id) : null;
    if (point) {
      const jwk = publicKey.export({ format: 'jwk' });
      const certPoint = Buffer.concat([Buffer.of(4), Buffer.from(jwk.x ?? '', 'base64url'), Buffer.from(jwk.y ?? '', 'base64url')]);
      if (!point.equals(certPoint)) {
        throw new EdusignError('KEY_CERT_MISMATCH', { detail: 'the token\'s public key (same CKA_ID) is not the certificate\'s key' });
      }
    }
    const algorithm: SignatureAlgorithm = options.algorithm ?? defaultSignatureAlgorithm(publicKey, options);
    assertAlgorithmFitsKey(algorithm, publicKey);
    const supported = new Set(p11.C_GetMechanismList(slot));
    const contextLogin = readBoolean(m, p11, session, key, m.CKA_ALWAYS_AUTHENTICATE)
      ? () => p11.C_Login(openSessionOf(session), m.CKU_CONTEXT_SPECIFIC, options.contextPin ?? options.pin)
      : undefined;
    const chain = readCertificates(options.chain);
    const queue = serialQueue();
    const openSession = session;
    let closed = false;
    const guard = () => {
      if (closed) throw new EdusignError('PKCS11_ERROR', { detail: 'the token session is closed' });
    };
    const signDigestsNow = async (digests: readonly Uint8Array[]): Promise<Uint8Array[]> => {
      const out: Uint8Array[] = [];
      for (const d of digests) {
        const { mechanism, input } = digestMechanism(m, algorithm, d);
        out.push(await tokenSign(p11, openSession, mechanism, key, input, contextLogin));
      }
      return out;
    };
    const signer: Pkcs11Signer = {
      certificate: der,
      chain: Object.freeze(chain),
      algorithm: Object.freeze({ ...algorithm }),
      tokenLabel: label,
      sign: (data) => queue(async () => {
        guard();
        const mechanism = messageMechanism(m, algorithm);
        let signature: Uint8Array;
        try {
          signature = supported.has(mechanism.mechanism)
            ? await tokenSign(p11, openSession, mechanism, key, Buffer.from(data), contextLogin)
            : (await signDigestsNow([digest(algorithm.hash, data)]))[0] as Uint8Array;
        } catch (error) {
          throw wrapError(error, lib, 'C_Sign');
        }
        if (!verifyMessageSignature(publicKey, algorithm, data, signature)) {
          throw new EdusignError('SIGNER_FAILED', { detail: 'the token returned a signature that does not verify with the certificate',
            detailVi: 'token trả về chữ ký không khớp với chứng thư số' });
        }
        return signature;
      }),
      signDigests: (digests) => queue(async () => {
        guard();
        assertDigestLengths(algorithm.hash, digests);
        let signatures: Uint8Array[];
        try {
          signatures = await signDigestsNow(digests);
        } catch (error) {
          throw wrapError(error, lib, 'C_Sign');
        }
        assertSignatureValues(publicKey, algorithm, digests, signatures, 'PKCS#11 token');
        return signatures;
      }),
      close: () => queue(async () => {
        if (closed) return;
        closed = true;
        closeQuietly(lib, openSession, loggedIn);
      }),
    };
    return Object.freeze(signer);
  } catch (error) {
    closeQuietly(lib, session, loggedIn);
    throw wrapError(error, lib, 'opening the token');
  }
}

/**
 * Key source: PKCS#12 (.p12/.pfx) files, both modern (PBES2/PBKDF2/AES, MAC SHA-256; OpenSSL 3 default) and
 * legacy (pbeWithSHA1And3-KeyTripleDES-CBC keys, pbeWithSHA1And40BitRC2-CBC certificates, MAC SHA-1) as
 * Vietnamese CA tools export. node:crypto cannot read PKCS#12 at all, so decoding uses node-forge; the key is
 * handed to node:crypto as PKCS#8 and never used through forge.
 * @module
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { EdusignError } from '../errors.js';
import { keyMatchesCertificate } from './key-match.js';
import { keyObjectSigner, type SignerAlgorithmOptions } from './key-object-signer.js';
import type { Signer } from './types.js';

/** Options for {@link loadPkcs12Signer}. */
export interface Pkcs12SignerOptions extends SignerAlgorithmOptions {
  /** Refuse files larger than this (default 4 MiB). */
  maxBytes?: number;
}

/** What a PKCS#12 file holds, decoded. */
export interface Pkcs12Contents {
  /** The private key whose certificate was found. */
  readonly privateKey: KeyObject;
  /** DER of the certificate matching the key. */
  readonly certificate: Uint8Array;
  /** DER of the other certificates in the file, in file order. */
  readonly chain: readonly Uint8Array[];
}

type ForgeBag = { key?: forge.pki.PrivateKey | null; cert?: forge.pki.Certificate | null; asn1?: forge.asn1.Asn1 };

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): ForgeBag[] {
  return (p12.getBags({ bagType: type })[type] ?? []) as ForgeBag[];
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function keyFromBag(bag: ForgeBag): KeyObject {
  // forge parses only RSA keys; for others (EC) it keeps the decrypted PrivateKeyInfo in `asn1`.
  const info = bag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
    : bag.asn1;
  if (!info) throw new EdusignError('KEY_MALFORMED', { detail: 'empty key bag' });
  try {
    return createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new EdusignError('KEY_MALFORMED', { detail: `unreadable private key (${(cause as Error).message})`, cause });
  }
}

function certFromBag(bag: ForgeBag): X509Certificate | null {
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  if (!asn1) return null;
  try {
    return new X509Certificate(derOf(asn1));
  } catch {
    return null;
  }
}

/** Iteration counts above this are refused before any work (a hostile file could otherwise burn hours of CPU). */
const MAX_ITERATIONS = 1_000_000;

function integerValue(node: forge.asn1.Asn1): number {
  if (typeof node.value !== 'string') return 0;
  if (node.value.length > 6) return Number.MAX_SAFE_INTEGER;
  return parseInt(forge.util.bytesToHex(node.value) || '0', 16);
}

/**
 * The largest iteration count visible before decryption: the MAC's, and those of every PBE / PBKDF2 parameter
 * block found in clear (`SEQUENCE { OCTET STRING salt, INTEGER iterations, … }`), looking inside OCTET STRINGs that
 * hold DER (the authSafe and its SafeContents). Bags nested inside encrypted content are only visible after
 * decryption and are not covered.
 */
function largestIterationCount(node: forge.asn1.Asn1, depth = 0): number {
  if (depth > 12) return 0;
  const T = forge.asn1.Type;
  if (Array.isArray(node.value)) {
    const children = node.value;
    let max = 0;
    if (node.type === T.SEQUENCE && children[0]?.type === T.OCTETSTRING && children[1]?.type === T.INTEGER) {
      max = integerValue(children[1]);
    }
    // MacData ::= SEQUENCE { DigestInfo, OCTET STRING salt, INTEGER iterations }
    if (node.type === T.SEQUENCE && children[1]?.type === T.OCTETSTRING && children[2]?.type === T.INTEGER) {
      max = Math.max(max, integerValue(children[2]));
    }
    for (const child of children) max = Math.max(max, largestIterationCount(child, depth + 1));
    return max;
  }
  if (node.type === T.OCTETSTRING && typeof node.value === 'string' && node.value.charCodeAt(0) === 0x30) {
    try {
      return largestIterationCount(forge.asn1.fromDer(node.value), depth + 1);
    } catch {
      return 0;
    }
  }
  return 0;
}

function decode(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(Buffer.from(bytes).toString('binary'));
  } catch (cause) {
    throw new EdusignError('KEY_MALFORMED', { detail: 'not a PKCS#12 file (bad DER)', cause });
  }
  const iterations = largestIterationCount(asn1);
  if (iterations > MAX_ITERATIONS) {
    throw new EdusignError('KEY_MALFORMED', { detail: `PKCS#12 iteration count ${iterations} is unreasonably large`,
      context: { iterations, max: MAX_ITERATIONS } });
  }
  const hasMac = Array.isArray(asn1.value) && asn1.value.length > 2;
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (cause) {
    const message = messageOf(cause);
    if (/MAC could not be verified/i.test(message)) throw new EdusignError('KEY_WRONG_PASSWORD', { cause });
    // forge checks the MAC (PKCS#12 KDF over the BMPString password) before decrypting. PBES2 bags, however, take the
    // password as UTF-8 bytes (what OpenSSL does), which forge only does for ASCII: retry non-ASCII passwords that
    // way, without the (already verified) MAC.
    if (/decrypt/i.test(message) && /[^\x00-\x7f]/.test(password)) {
      const withoutMac = { ...asn1, value: (asn1.value as forge.asn1.Asn1[]).slice(0, 2) };
      try {
        return forge.pkcs12.pkcs12FromAsn1(withoutMac, Buffer.from(password, 'utf8').toString('binary'));
      } catch {
        // fall through to the first error
      }
    }
    if (/password|decrypt/i.test(message) && !hasMac) throw new EdusignError('KEY_WRONG_PASSWORD', { cause });
    throw new EdusignError('KEY_MALFORMED', { detail: `PKCS#12: ${message}`, cause });
  }
}

function messageOf(cause: unknown): string {
  return typeof cause === 'object' && cause !== null && 'message' in cause ? String(cause.message) : String(cause);
}

/**
 * Decode a PKCS#12 file: the private key, the certificate whose public key matches it, and the other
 * certificates. A wrong password is KEY_WRONG_PASSWORD (a damaged file whose integrity MAC fails cannot be told
 * apart from a wrong password and gets the same code); a file that is not PKCS#12 is KEY_MALFORMED; a file
 * whose key matches none of its certificates is KEY_CERT_MISMATCH.
 *
 * @example
 * ```ts
 * const { privateKey, certificate, chain } = readPkcs12(readFileSync('teacher.p12'), '123456');
 * ```
 */
export function readPkcs12(bytes: Uint8Array, password: string, options: { maxBytes?: number } = {}): Pkcs12Contents {
  if (!(bytes instanceof Uint8Array) || typeof password !== 'string') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'readPkcs12(bytes: Uint8Array, password: string)' });
  }
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  if (bytes.length > maxBytes) throw new EdusignError('INPUT_TOO_LARGE', { context: { maxBytes, actual: bytes.length } });
  const p12 = decode(bytes, password);
  const keyBags = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag as string), ...bagsOf(p12, forge.pki.oids.keyBag as string)];
  if (keyBags.length === 0) throw new EdusignError('KEY_MALFORMED', { detail: 'the PKCS#12 file holds no private key' });
  const certs = bagsOf(p12, forge.pki.oids.certBag as string).map(certFromBag)
    .filter((c): c is X509Certificate => c !== null);
  if (certs.length === 0) throw new EdusignError('KEY_MALFORMED', { detail: 'the PKCS#12 file holds no certificate' });
  for (const bag of keyBags) {
    const privateKey = keyFromBag(bag);
    const index = certs.findIndex((c) => keyMatchesCertificate(privateKey, c));
    if (index >= 0) {
      return {
        privateKey,
        certificate: new Uint8Array((certs[index] as X509Certificate).raw),
        chain: certs.filter((_, i) => i !== index).map((c) => new Uint8Array(c.raw)),
      };
    }
  }
  throw new EdusignError('KEY_CERT_MISMATCH', { detail: 'no certificate in the PKCS#12 file matches its private key' });
}

/**
 * Load a PKCS#12 (.p12/.pfx) file as a {@link Signer}. See {@link readPkcs12} for the errors.
 *
 * @example
 * ```ts
 * const signer = await loadPkcs12Signer(readFileSync('teacher.p12'), '123456');
 * const signature = await signer.sign(new TextEncoder().encode('xin chào'));
 * ```
 */
export async function loadPkcs12Signer(bytes: Uint8Array, password: string, options: Pkcs12SignerOptions = {}): Promise<Signer> {
  const contents = readPkcs12(bytes, password, options);
  return keyObjectSigner({ ...options, privateKey: contents.privateKey, certificate: contents.certificate, chain: contents.chain });
}

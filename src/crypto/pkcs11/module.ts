/**
 * Loading a PKCS#11 library through pkcs11js, lazily: the native addon is only required when a token is opened,
 * so a machine where it failed to build can still use every other part of the SDK.
 * @module
 */
import type * as Pkcs11Js from 'pkcs11js';
import { EdusignError } from '../../errors.js';

/** The pkcs11js module (constants and the PKCS11 class). */
export type Pkcs11Module = typeof Pkcs11Js;

/** A loaded and initialised library, with whether we initialised it (and so must finalise it). */
export interface LoadedLibrary {
  readonly pkcs11js: Pkcs11Module;
  readonly p11: Pkcs11Js.PKCS11;
  readonly ownsInitialize: boolean;
}

/**
 * The numeric CK_RV of a pkcs11js error, or undefined.
 *
 * @example
 * ```ts
 * if (pkcs11ReturnCode(e) === pkcs11js.CKR_PIN_INCORRECT) ...
 * ```
 */
export function pkcs11ReturnCode(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Import pkcs11js, load `library` and call C_Initialize. A library already initialised in this process (by
 * another signer) is accepted and left initialised on close.
 *
 * @example
 * ```ts
 * const lib = await loadPkcs11Library('/usr/lib/softhsm/libsofthsm2.so');
 * ```
 */
export async function loadPkcs11Library(library: string): Promise<LoadedLibrary> {
  if (typeof library !== 'string' || library.length === 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: 'PKCS#11 library path is required' });
  }
  let pkcs11js: Pkcs11Module;
  try {
    const imported = await import('pkcs11js');
    pkcs11js = ((imported as { default?: Pkcs11Module }).default ?? imported) as Pkcs11Module;
  } catch (cause) {
    throw new EdusignError('PKCS11_ERROR', { detail: 'the pkcs11js native module is not available', cause });
  }
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(library);
  } catch (cause) {
    throw new EdusignError('PKCS11_ERROR', { detail: `cannot load PKCS#11 library ${library}`,
      detailVi: `không nạp được thư viện PKCS#11 ${library}`, cause, context: { library } });
  }
  try {
    p11.C_Initialize();
    return { pkcs11js, p11, ownsInitialize: true };
  } catch (cause) {
    if (pkcs11ReturnCode(cause) === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) return { pkcs11js, p11, ownsInitialize: false };
    try { p11.close(); } catch { /* ignore */ }
    throw new EdusignError('PKCS11_ERROR', { detail: `C_Initialize failed: ${(cause as Error).message}`, cause });
  }
}

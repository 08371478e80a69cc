/**
 * The key-source options of `edusign sign`: a PKCS#12 file, a PEM key + certificate, or a PKCS#11 token.
 * @module
 */
import { loadPemSigner, loadPkcs12Signer, openPkcs11Signer, type Signer } from '../../index.js';
import { readInputFile } from './read-input.js';
import { usageError } from './usage-error.js';

/** parseArgs option declarations of {@link signerFromArgs}. */
export const SIGNER_ARG_OPTIONS = {
  p12: { type: 'string' },
  password: { type: 'string' },
  key: { type: 'string' },
  cert: { type: 'string' },
  chain: { type: 'string', multiple: true },
  'pkcs11-lib': { type: 'string' },
  'token-label': { type: 'string' },
  pin: { type: 'string' },
  'key-label': { type: 'string' },
} as const;

/** Values parsed from {@link SIGNER_ARG_OPTIONS}. */
export interface SignerArgValues {
  p12?: string;
  password?: string;
  key?: string;
  cert?: string;
  chain?: string[];
  'pkcs11-lib'?: string;
  'token-label'?: string;
  pin?: string;
  'key-label'?: string;
}

/** A signer and how to release it. */
export interface OpenedSigner {
  signer: Signer;
  close(): Promise<void>;
}


/**
 * Opens the signer the options name (exactly one key source). The password and PIN may also come from the
 * environment (`EDUSIGN_PASSWORD`, `EDUSIGN_PIN`) so they stay out of shell history.
 *
 * @example
 * ```ts
 * const { signer, close } = await signerFromArgs({ p12: 'principal.p12', password: '123456' });
 * ```
 */
export async function signerFromArgs(values: SignerArgValues, env: NodeJS.ProcessEnv = process.env): Promise<OpenedSigner> {
  const sources = [values.p12, values.key, values['pkcs11-lib']].filter((v) => v !== undefined).length;
  if (sources !== 1) {
    throw usageError('give exactly one key source: --p12 <file>, --key <pem> --cert <pem>, or --pkcs11-lib <module>',
      'cần đúng một nguồn khóa: --p12 <tệp>, --key <pem> --cert <pem>, hoặc --pkcs11-lib <module>');
  }
  const chain = await Promise.all((values.chain ?? []).map(readInputFile));
  if (values.p12) {
    const signer = await loadPkcs12Signer(await readInputFile(values.p12), values.password ?? env['EDUSIGN_PASSWORD'] ?? '');
    return { signer, close: async () => {} };
  }
  // `--key <file.p12>` without `--cert` is a PKCS#12 file (as the PAdES issue writes it).
  if (values.key && !values.cert) {
    const signer = await loadPkcs12Signer(await readInputFile(values.key), values.password ?? env['EDUSIGN_PASSWORD'] ?? '');
    return { signer, close: async () => {} };
  }
  if (values.key && values.cert) {
    const signer = await loadPemSigner({
      key: await readInputFile(values.key),
      certificate: await readInputFile(values.cert),
      chain,
      ...(values.password ?? env['EDUSIGN_PASSWORD'] ? { passphrase: values.password ?? env['EDUSIGN_PASSWORD'] } : {}),
    });
    return { signer, close: async () => {} };
  }
  const pin = values.pin ?? env['EDUSIGN_PIN'];
  if (pin === undefined) throw usageError('--pkcs11-lib needs --pin (or EDUSIGN_PIN)', '--pkcs11-lib cần --pin (hoặc EDUSIGN_PIN)');
  const signer = await openPkcs11Signer({
    library: values['pkcs11-lib']!,
    pin,
    ...(values['token-label'] ? { tokenLabel: values['token-label'] } : {}),
    ...(values['key-label'] ? { keyLabel: values['key-label'] } : {}),
    ...(values.cert ? { certificate: await readInputFile(values.cert) } : {}),
    ...(chain.length ? { chain } : {}),
  });
  return { signer, close: () => signer.close() };
}

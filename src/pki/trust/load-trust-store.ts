/**
 * Loads a {@link TrustStore} from files and directories (PEM, DER, CRT/CER, P7B/P7C).
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { EdusignError, isEdusignError } from '../../errors.js';
import { parseCertificates } from '../cert/parse-certificates.js';
import { createTrustStore, type TrustStore } from './trust-store.js';

/** Options of {@link loadTrustStore}: paths of files or directories. */
export interface TrustStorePaths {
  /** Files or directories of trust anchors (root certificates: PEM, DER or PKCS#7). */
  anchors?: readonly string[];
  /** Files or directories of intermediate CA certificates, used to build paths (not trusted by themselves). */
  intermediates?: readonly string[];
  /** SHA-256 pins of the anchors (see `TrustStoreInit.pins`). */
  pins?: readonly string[];
}

/** File extensions read from directories. */
export const CERTIFICATE_FILE_EXTENSIONS = ['.pem', '.crt', '.cer', '.der', '.p7b', '.p7c'] as const;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

async function readOne(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) throw new EdusignError('INPUT_TOO_LARGE', { detail: path });
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (isEdusignError(error)) throw error;
    throw new EdusignError('IO_ERROR', { detail: `${path}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
}

/** Reads a file, or every certificate file of a directory (not recursive, sorted by name). */
async function readPath(path: string): Promise<{ path: string; bytes: Uint8Array }[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw new EdusignError('IO_ERROR', { detail: `${path}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  if (!isDirectory) return [{ path, bytes: await readOne(path) }];
  const names = (await readdir(path)).filter((n) => (CERTIFICATE_FILE_EXTENSIONS as readonly string[]).includes(extname(n).toLowerCase())).sort();
  return Promise.all(names.map(async (n) => ({ path: join(path, n), bytes: await readOne(join(path, n)) })));
}

/** Parses one file's certificates, naming the file in the error. */
function parseFile(path: string, bytes: Uint8Array): Uint8Array[] {
  try {
    return parseCertificates(bytes);
  } catch (error) {
    if (!isEdusignError(error)) throw error;
    throw new EdusignError(error.code, { detail: `${path}: ${error.message}`, detailVi: `${path}: ${error.messageVi}`, cause: error });
  }
}

/**
 * Loads anchors and intermediates from files or directories. A file that holds no valid certificate is an
 * error (`CERT_MALFORMED`, naming the file), never silently skipped.
 *
 * @example
 * ```ts
 * const store = await loadTrustStore({ anchors: ['/etc/edusign/roots'], intermediates: ['ca-edu.cer'] });
 * ```
 */
export async function loadTrustStore(paths: TrustStorePaths): Promise<TrustStore> {
  const load = async (list: readonly string[] = []) => {
    const out: Uint8Array[] = [];
    for (const p of list) for (const file of await readPath(p)) out.push(...parseFile(file.path, file.bytes));
    return out;
  };
  const anchors = await load(paths.anchors);
  const intermediates = await load(paths.intermediates);
  return createTrustStore({ anchors, intermediates, ...(paths.pins ? { pins: paths.pins } : {}) });
}

/**
 * Reading a command's input file with a typed error.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { EdusignError } from '../../index.js';

/**
 * The bytes of `path`, or `IO_ERROR` naming the file.
 *
 * @example
 * ```ts
 * const pdf = await readInputFile('hoc-ba.pdf');
 * ```
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new EdusignError('IO_ERROR', { detail: `${path}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
}

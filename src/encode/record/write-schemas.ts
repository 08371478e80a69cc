/**
 * Writes the shipped schema files from the shape table (used by `npm run fixtures`).
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordJsonSchema } from './json-schema.js';
import { recordXsd } from './xsd.js';

/**
 * The shipped schema files and their generated content, by file name.
 *
 * @example
 * ```ts
 * Object.keys(schemaFiles()); // ['edusign-record.xsd', 'transcript.schema.json', 'gradebook.schema.json']
 * ```
 */
export function schemaFiles(): Record<string, string> {
  return {
    'edusign-record.xsd': recordXsd(),
    'transcript.schema.json': `${JSON.stringify(recordJsonSchema('transcript'), null, 2)}\n`,
    'gradebook.schema.json': `${JSON.stringify(recordJsonSchema('gradebook'), null, 2)}\n`,
  };
}

/**
 * Writes {@link schemaFiles} into a directory (the package's `schemas/`).
 *
 * @example
 * ```ts
 * await writeSchemaFiles('schemas');
 * ```
 */
export async function writeSchemaFiles(directory: string): Promise<string[]> {
  const files = schemaFiles();
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(join(directory, name), content, 'utf8')));
  return Object.keys(files).map((name) => join(directory, name));
}

/**
 * edusign-vn: sign and verify Vietnamese school records.
 *
 * The public API is re-exported from one barrel per layer (see ../shared/ARCHITECTURE.md).
 * @packageDocumentation
 */
import 'reflect-metadata';

export * from './errors.js';
export * from './model/index.js';
export * from './encode/index.js';
export * from './crypto/index.js';
export * from './pki/index.js';
export * from './formats/pades/index.js';
export * from './formats/xades/index.js';
export * from './formats/jades/index.js';
export * from './verify/index.js';
export type * from './crypto/types.js';
export type * from './pki/types.js';
export type * from './pki/indication.js';
export type * from './formats/report.js';
export { checkSignerBeforeSigning, type SignerCheckOptions, type SignerCheckOutcome } from './formats/signer-check.js';

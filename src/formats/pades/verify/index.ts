/**
 * PAdES verification: `verifyPdf` and the building blocks it is made of.
 * @module
 */
export { verifyPdf } from './verify-pdf.js';
export type { VerifyPdfOptions, CertificateValidator } from './options.js';
export { analyseModifications } from './diff/analyse.js';
export type { JudgedModification, ModificationAnalysis, ModificationPolicy } from './diff/analyse.js';
export type { ModificationLevel } from './diff/types.js';
export { revisionFacts } from './diff/revision-facts.js';
export type { RevisionFacts } from './diff/revision-facts.js';

// ---- PDF reader limits (used by signing and verification options) ----
export type { PdfLimits } from './pdf/limits.js';
// ---- signing (PAdES signing engineer) ----
export * from './sign/index.js';
// ---- verification (PAdES verification engineer) ----
export * from './verify/index.js';

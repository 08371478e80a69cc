// ---- signing (PAdES signing engineer) ----
export * from './sign/index.js';
// ---- verification (PAdES verification engineer) ----
export * from './verify/index.js';

// ---- signing (PAdES signing engineer) ----
export * from './sign/index.js';

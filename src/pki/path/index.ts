/**
 * Certification path building and validation (RFC 5280 §6), without revocation.
 * @module
 */
export { buildAndValidatePath } from './build-and-validate.js';
export type { PathValidationOptions, PathValidationResult, PathSearchLimits } from './types.js';
export { validatePath, PROCESSED_EXTENSIONS, type PathCheckOptions } from './validate-path.js';
export { purposeProblems } from './purpose.js';
export { signaturePolicyProblems, keyPolicyProblems, DEFAULT_LEGACY_ALGORITHMS_UNTIL, type CryptoPolicy } from './crypto-policy.js';
export { PATH_FINDINGS, problem, worstEffect, type PathFindingCode, type PathProblem, type Effect } from './findings.js';
export { toChainElement } from './chain-element.js';
export { processPolicies, ANY_POLICY, type PolicyOptions, type PolicyOutcome } from './policy-tree.js';
export { nameConstraintsOf, nameConstraintProblems, type NameConstraints } from './name-constraints.js';

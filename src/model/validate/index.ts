/**
 * Validation of records given as unknown JSON.
 * @module
 */
export { validateTranscript } from './transcript.js';
export { validateGradebook } from './gradebook.js';
export { DEFAULT_LIMITS, type ValidationLimits } from './context.js';
export { MODEL_FINDING_MESSAGES, type ModelFindingCode } from './messages.js';

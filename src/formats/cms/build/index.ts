/**
 * CAdES detached SignedData builder (used by PAdES signing).
 * @module
 */
export { buildSignedAttributes, signingCertificateV2, attribute, CMS_OIDS } from './signed-attributes.js';
export {
  assembleSignedData, cmsSignatureValue, estimateSignedDataSize, signatureTimestampAttribute, signatureTimestampImprint,
  type SignedDataParts,
} from './signed-data.js';
export { certificateId, type CertificateId } from './certificate-id.js';
export { digestAlgorithmId, nodeHashName, signatureAlgorithmId } from './algorithms.js';

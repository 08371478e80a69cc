/**
 * Hand-written part of the error reference: for every {@link ErrorCode}, when the SDK raises it and what the caller
 * should do. The type `Record<ErrorCode, …>` makes TypeScript refuse a missing or unknown code, so a new code in
 * `src/errors.ts` cannot be left undocumented. `scripts/errors-doc.ts` turns this into the tables of `docs/errors.md`.
 * @module
 */
import type { ErrorCode } from '../../src/errors.js';

/** Guidance for one error code (English; the bilingual message comes from `ERROR_CODES`). */
export interface ErrorGuide {
  /** When the SDK throws the code. */
  readonly when: string;
  /** What the caller (application, server, CLI user) should do about it. */
  readonly action: string;
}

/** Guidance for every error code. */
export const ERROR_GUIDE: Readonly<Record<ErrorCode, ErrorGuide>> = {
  // ---- generic input
  INVALID_ARGUMENT: {
    when: 'An argument or option has the wrong type, is out of range, or options contradict each other (a programming error, not bad data).',
    action: 'Fix the call; `error.message` names the argument. Do not retry unchanged.',
  },
  INPUT_TOO_LARGE: {
    when: 'Input exceeds a configured limit (bytes, string length, number of items, signatures or revisions).',
    action: 'Reject the input, or raise the limit option explicitly if the input is trusted. `context` holds the limit.',
  },
  INPUT_TOO_DEEP: {
    when: 'JSON or XML nesting exceeds the depth limit (parser or canonicaliser).',
    action: 'Reject the input as hostile or malformed; raise `maxDepth` only for trusted data.',
  },
  UNSUPPORTED_FORMAT: {
    when: 'The input is not a format the SDK handles: not PDF/XML/JSON, a non-UTF-8 XML encoding, an unknown PDF stream filter.',
    action: 'Convert the input (e.g. to UTF-8) or pass a supported document.',
  },
  IO_ERROR: {
    when: 'A file could not be read or written (trust store paths, CLI input/output, bundled fonts/assets of the package).',
    action: 'Check the path and permissions; a missing bundled asset means a broken installation (reinstall).',
  },
  // ---- JSON / XML encodings
  JSON_MALFORMED: {
    when: 'Text is not valid JSON (strict parser: no comments, trailing commas or invalid escapes).',
    action: 'Reject the input; `context.offset` points at the problem.',
  },
  JSON_DUPLICATE_KEY: {
    when: 'A JSON object has the same member name twice (ambiguous to sign, RFC 8785 / I-JSON).',
    action: 'Reject the input; the producer must emit unique member names.',
  },
  JSON_NOT_CANONICALIZABLE: {
    when: 'A value has no RFC 8785 form: NaN/Infinity, lone surrogates, undefined, functions, cycles.',
    action: 'Clean the value before signing (use finite numbers and well-formed strings).',
  },
  XML_MALFORMED: {
    when: 'Text is not well-formed XML.',
    action: 'Reject the input; `context.offset` points at the problem.',
  },
  XML_DTD_FORBIDDEN: {
    when: 'XML contains a DOCTYPE, entity declaration or external entity (XXE defence).',
    action: 'Reject the input; remove the DTD on the producer side.',
  },
  XML_UNEXPECTED_STRUCTURE: {
    when: 'XML is well-formed but not the expected shape: wrong root/namespace, missing or duplicated element, an Id that is absent or not unique.',
    action: 'Check that the document is the expected record or signature container; `error.message` names the element.',
  },
  RECORD_INVALID: {
    when: 'A school record (học bạ, sổ điểm) cannot be encoded or rendered: wrong `kind`, shape errors at a JSON path.',
    action: 'Run `validateTranscript` / `validateGradebook` (or `edusign validate`) and fix the reported issues.',
  },
  // ---- crypto: keys and signers
  KEY_MALFORMED: {
    when: 'A private key, PEM block or PKCS#12 file cannot be decoded.',
    action: 'Check the file (format, truncation); export the key again.',
  },
  KEY_WRONG_PASSWORD: {
    when: 'The PKCS#12 or encrypted PEM password is wrong (MAC or decryption failure).',
    action: 'Ask the user for the password again.',
  },
  KEY_CERT_MISMATCH: {
    when: 'The private key does not belong to the signing certificate.',
    action: 'Pick the certificate that matches the key (PKCS#12 bags or token objects may hold several).',
  },
  UNSUPPORTED_ALGORITHM: {
    when: 'A key type, curve, hash or signature algorithm is not supported or not allowed for this operation.',
    action: 'Use RSA (2048+), RSA-PSS or ECDSA P-256/384/521 with SHA-256/384/512.',
  },
  SIGNER_FAILED: {
    when: 'The signer (key, token, external or remote service) failed or returned an unusable value (wrong count, wrong length, does not verify).',
    action: 'Retry once; if it persists, check the device/service. `cause` holds the underlying error.',
  },
  PKCS11_ERROR: {
    when: 'The PKCS#11 module or token reported an error (library not loadable, slot/token not found, session failure).',
    action: 'Check the module path, that the token is plugged in, and its label/slot.',
  },
  PKCS11_WRONG_PIN: {
    when: 'The token rejected the PIN.',
    action: 'Ask for the PIN again; warn the user that tokens lock after a few wrong PINs.',
  },
  PKCS11_KEY_NOT_FOUND: {
    when: 'No private key on the token matches the given label/id.',
    action: 'List the objects (`pkcs11-tool --list-objects`) and pass the right label or id.',
  },
  REMOTE_SIGNING_REJECTED: {
    when: 'The remote signing service or the signer (on their phone) refused, or the credential key/certificate is disabled.',
    action: 'Tell the user signing was declined; start a new request if they want to retry.',
  },
  REMOTE_SIGNING_TIMEOUT: {
    when: 'The remote signer did not confirm before the deadline.',
    action: 'Start a new signing request (the old one is void).',
  },
  TWO_PHASE_STATE_INVALID: {
    when: 'A two-phase state or external signing request is malformed, altered, expired, sealed with another key, or does not match the document.',
    action: 'Discard the state and run the prepare step again; never edit the state between the two phases.',
  },
  // ---- pki
  CERT_MALFORMED: {
    when: 'A certificate (DER/PEM/PKCS#7) cannot be decoded or breaks X.509 structure rules.',
    action: 'Reject the certificate; obtain a correct copy from the CA.',
  },
  CRL_MALFORMED: {
    when: 'A CRL cannot be decoded (`parseCrl`); during validation a bad CRL becomes a report finding instead.',
    action: 'Reject the CRL; fetch it again from the distribution point.',
  },
  OCSP_MALFORMED: {
    when: 'An OCSP response cannot be decoded; during validation this becomes a report finding, not a throw.',
    action: 'Treat revocation as unknown; retry later or use the CRL.',
  },
  TIMESTAMP_MALFORMED: {
    when: 'An RFC 3161 timestamp token or response cannot be decoded.',
    action: 'Reject the token; check the TSA URL returns `application/timestamp-reply`.',
  },
  TIMESTAMP_FAILED: {
    when: 'The TSA could not give a timestamp (HTTP error, rejected request, nonce/digest mismatch, empty token) while signing at B-T or above.',
    action: 'Retry later or use another TSA; or sign at B-B and extend later (`extendPdf` / `extendXml` / `extendJws`).',
  },
  NETWORK_ERROR: {
    when: 'An HTTP request (AIA, CRL, OCSP, TSA, remote signing) failed or returned an error status.',
    action: 'Retry later; check connectivity and the URL in `context`.',
  },
  NETWORK_TIMEOUT: {
    when: 'An HTTP request exceeded its timeout.',
    action: 'Retry later or raise the fetcher `timeoutMs`.',
  },
  NETWORK_OFFLINE: {
    when: 'A network fetch was needed but the fetcher is in offline mode.',
    action: 'Provide the data (certificates, CRLs, OCSP responses) yourself, or allow network access.',
  },
  RESPONSE_TOO_LARGE: {
    when: 'An HTTP response exceeded the fetcher size limit.',
    action: 'Check the URL; raise `maxBytes` only for a trusted server.',
  },
  NETWORK_SCHEME_NOT_ALLOWED: {
    when: 'A URL (or a redirect) uses a scheme other than http/https.',
    action: 'Use an http(s) URL; `ldap:` and `file:` URLs in certificates are ignored on purpose.',
  },
  CERT_NOT_USABLE_FOR_SIGNING: {
    when: 'Before signing: the signer certificate lacks digitalSignature/nonRepudiation key usage or is otherwise unfit.',
    action: 'Use a signing certificate issued for document signatures.',
  },
  CERT_REVOKED: {
    when: 'Before signing: the signer certificate is revoked (CRL/OCSP).',
    action: 'Do not sign; the holder needs a new certificate.',
  },
  CERT_EXPIRED: {
    when: 'Before signing: the signer certificate has expired.',
    action: 'Renew the certificate.',
  },
  CERT_NOT_YET_VALID: {
    when: 'Before signing: the signer certificate is not valid yet (or the clock is wrong).',
    action: 'Check the system clock; wait until notBefore.',
  },
  CERT_UNTRUSTED: {
    when: 'Before signing: the signer certificate does not chain to a trust anchor of the trust store.',
    action: 'Add the issuing CA to the trust store, or pass the intermediate certificates.',
  },
  REVOCATION_UNKNOWN: {
    when: 'Before signing: the revocation status of the signer certificate could not be determined (no CRL/OCSP reachable).',
    action: 'Retry when the CA services are reachable; `allowInvalidCertificate` overrides the refusal (the result keeps a warning).',
  },
  TRUST_ANCHOR_PIN_MISMATCH: {
    when: 'A trust anchor does not match its pinned SHA-256 fingerprint.',
    action: 'Stop: the trust store file may have been replaced. Obtain the root certificate from the official source.',
  },
  TRUST_ANCHOR_PIN_UNUSED: {
    when: 'A pinned fingerprint matches none of the loaded trust anchors.',
    action: 'Fix the pin list or add the missing root certificate.',
  },
  // ---- formats
  PDF_MALFORMED: {
    when: 'The PDF cannot be parsed (header, xref, trailer, objects, byte ranges).',
    action: 'Reject the file, or repair it with a PDF tool (e.g. `qpdf`) before signing.',
  },
  PDF_ENCRYPTED: {
    when: 'The PDF is encrypted.',
    action: 'Decrypt it first (`qpdf --decrypt`); encrypted PDFs are not signed or verified.',
  },
  PDF_CANNOT_APPEND: {
    when: 'An incremental update cannot be written (placeholder or byte range not found, file too large, unsupported structure).',
    action: 'Rewrite the PDF (e.g. `qpdf`) and sign again.',
  },
  PDF_PLACEHOLDER_TOO_SMALL: {
    when: 'The CMS signature does not fit the reserved /Contents placeholder.',
    action: 'Raise the PAdES `contentsSize` option (long chains and embedded revocation data need more bytes).',
  },
  PDF_SIGNING_FORBIDDEN: {
    when: 'A certification signature (DocMDP P=1) forbids further signatures, or the requested change is not allowed.',
    action: 'Do not sign this document; ask the certifier for a version that allows signing.',
  },
  PDF_FIELD_NOT_FOUND: {
    when: 'The named signature field does not exist in the PDF.',
    action: 'Check the field name (rendered records use `ROLE.YEAR[.SUBJECT]`, see `signatureFieldName`).',
  },
  PDF_FIELD_ALREADY_SIGNED: {
    when: 'The named signature field already holds a signature.',
    action: 'Use another field; a field is signed once.',
  },
  SIGNATURE_NOT_FOUND: {
    when: 'The document has no signature where one is required (verify an unsigned XML, extend or countersign a missing Id).',
    action: 'Check that the right document (or signature Id) was passed.',
  },
  SIGNATURE_MALFORMED: {
    when: 'A CMS/PKCS#7 signature structure cannot be decoded, or a signature value has the wrong encoding.',
    action: 'Reject the signature; for verification of documents the report is used instead whenever possible.',
  },
  JWS_MALFORMED: {
    when: 'A JWS/JAdES document cannot be parsed (serialization, base64url, header JSON).',
    action: 'Reject the input; check the serialization (compact, flattened or general JSON).',
  },
  XML_SIGNATURE_MALFORMED: {
    when: 'A ds:Signature / XAdES structure is missing required parts or has invalid values.',
    action: 'Reject the signature; re-sign with a conformant tool.',
  },
  // ---- cli / server
  CLI_USAGE: {
    when: 'The `edusign` command line has unknown or missing options or arguments.',
    action: 'Read `edusign <command> --help`. The CLI exits with code 64.',
  },
};

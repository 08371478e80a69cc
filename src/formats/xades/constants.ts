/**
 * Namespaces, canonicalisation and transform URIs, and type URIs of XMLDSig and XAdES (ETSI EN 319 132-1).
 * Digest and signature method URIs are the crypto layer's (`src/crypto/algorithms.ts`).
 * @module
 */

/** XML namespaces used by signatures. */
export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  dsig11: 'http://www.w3.org/2009/xmldsig11#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  xades141: 'http://uri.etsi.org/01903/v1.4.1#',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Reference `Type` URIs. */
export const REFERENCE_TYPE = {
  signedProperties: 'http://uri.etsi.org/01903#SignedProperties',
  countersignedSignature: 'http://uri.etsi.org/01903#CountersignedSignature',
} as const;

/** Transform URIs (canonicalisation URIs are in {@link C14N_URI}). */
export const TRANSFORM = {
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

/** Canonicalisation algorithm URIs. */
export const C14N_URI = {
  exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  excWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  c14n10: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  c14n10WithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  c14n11: 'http://www.w3.org/2006/12/xml-c14n11',
  c14n11WithComments: 'http://www.w3.org/2006/12/xml-c14n11#WithComments',
} as const;

/** MIME type recorded in DataObjectFormat for XML content. */
export const XML_MIME = 'text/xml';

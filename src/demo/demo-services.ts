/**
 * In-process demo services for the demo PKI (OCSP responder, CRL and CA-certificate server, RFC 3161 TSA) on
 * 127.0.0.1, written with pkijs so the demo needs no OpenSSL. Demo only: tests use real OpenSSL services.
 * @module
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import type { DemoIdentity, DemoPki } from './demo-pki.js';

const MAX_REQUEST_BYTES = 64 * 1024;
const DAY = 86_400_000;
const OID_NONCE = '1.3.6.1.5.5.7.48.1.2';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const DEMO_TSA_POLICY = '1.3.6.1.4.1.32473.1.1'; // the IANA "example" enterprise arc (RFC 5612)

/** A running set of demo services. */
export interface DemoServices {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Number of requests served per path, to show caching at work. */
  requestCounts: Map<string, number>;
  stop(): Promise<void>;
}

function pkijsCertificate(identity: DemoIdentity): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(identity.certificate.rawData));
}

function serialHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').replace(/^(00)+(?=.)/, '');
}

/** The CRL of `issuer` (the root lists no revoked CA; the CA lists `pki.revokedSerials`). */
async function buildCrl(pki: DemoPki, issuer: DemoIdentity, now: Date): Promise<Uint8Array> {
  const revoked = issuer === pki.ca ? [...pki.revokedSerials] : [];
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.certificate.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + DAY),
    entries: revoked.map((serialNumber) => ({ serialNumber, revocationDate: now, reason: x509.X509CrlReason.keyCompromise })),
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate, false)],
  });
  return new Uint8Array(crl.rawData);
}

async function buildOcspResponse(pki: DemoPki, requestDer: Uint8Array, now: Date): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(new Uint8Array(requestDer));
  const caCert = pkijsCertificate(pki.ca);
  const caKeyHash = createHash('sha1').update(new Uint8Array(caCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).digest();
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = caCert.subject;
  basic.tbsResponseData.producedAt = now;
  for (const item of request.tbsRequest.requestList) {
    const certId = item.reqCert;
    const ours = Buffer.from(certId.issuerKeyHash.valueBlock.valueHexView).equals(caKeyHash);
    const serial = serialHex(certId.serialNumber.valueBlock.valueHexView);
    const status = !ours
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 }, lenBlock: { length: 0 } })
      : pki.revokedSerials.has(serial)
        ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: now })] })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, lenBlock: { length: 0 } });
    basic.tbsResponseData.responses.push(
      new pkijs.SingleResponse({ certID: certId, certStatus: status, thisUpdate: now, nextUpdate: new Date(now.getTime() + DAY) }),
    );
  }
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID_NONCE);
  if (nonce) basic.tbsResponseData.responseExtensions = [nonce];
  await basic.sign(pki.ca.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: pkijs.id_PKIX_OCSP_Basic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

async function buildTimestampResponse(pki: DemoPki, requestDer: Uint8Array, now: Date, serial: number): Promise<Uint8Array> {
  const request = pkijs.TimeStampReq.fromBER(new Uint8Array(requestDer));
  const tsaCert = pkijsCertificate(pki.tsa);
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: request.reqPolicy ?? DEMO_TSA_POLICY,
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ value: serial }),
    genTime: now,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const tstDer = tstInfo.toSchema().toBER(false);
  const certHash = createHash('sha256').update(new Uint8Array(pki.tsa.certificate.rawData)).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default SHA-256.
  const signingCertificateV2 = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: new Uint8Array(certHash) })] })] })],
  });
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_TST_INFO, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCert.issuer, serialNumber: tsaCert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: OID_TST_INFO })),
            attribute('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha256').update(Buffer.from(tstDer)).digest()) })),
            attribute('1.2.840.113549.1.9.16.2.47', signingCertificateV2),
          ],
        }),
      }),
    ],
    certificates: request.certReq ? [tsaCert] : [],
  });
  await signedData.sign(pki.tsa.keys.privateKey, 0, 'SHA-256');
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: Uint8Array | string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Starts the demo services on 127.0.0.1 (an ephemeral port). The PKI is created afterwards with the returned
 * base URL and handed in through `attach`, because certificates must name the services' URLs.
 *
 * @example
 * ```ts
 * const services = await startDemoServices();
 * const pki = await createDemoPki(services.baseUrl);
 * services.attach(pki);
 * // … sign and verify …
 * await services.stop();
 * ```
 */
export async function startDemoServices(): Promise<DemoServices & { attach(pki: DemoPki): void }> {
  let pki: DemoPki | undefined;
  let serial = 1;
  const requestCounts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = path.startsWith('/ocsp') ? '/ocsp' : path;
    requestCounts.set(route, (requestCounts.get(route) ?? 0) + 1);
    (async () => {
      if (!pki) return send(res, 503, 'text/plain', 'not ready');
      const now = new Date();
      if (req.method === 'GET' && path === '/root.cer') return send(res, 200, 'application/pkix-cert', new Uint8Array(pki.root.certificate.rawData));
      if (req.method === 'GET' && path === '/ca.cer') return send(res, 200, 'application/pkix-cert', new Uint8Array(pki.ca.certificate.rawData));
      if (req.method === 'GET' && path === '/ca.crl') return send(res, 200, 'application/pkix-crl', await buildCrl(pki, pki.ca, now));
      if (req.method === 'GET' && path === '/root.crl') return send(res, 200, 'application/pkix-crl', await buildCrl(pki, pki.root, now));
      if (route === '/ocsp') {
        const der = req.method === 'POST'
          ? await readBody(req)
          : new Uint8Array(Buffer.from(decodeURIComponent(path.slice('/ocsp/'.length)), 'base64'));
        return send(res, 200, 'application/ocsp-response', await buildOcspResponse(pki, der, now));
      }
      if (req.method === 'POST' && path === '/tsa') {
        return send(res, 200, 'application/timestamp-reply', await buildTimestampResponse(pki, await readBody(req), now, serial++));
      }
      return send(res, 404, 'text/plain', 'not found');
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 400, 'text/plain', error instanceof Error ? error.message : 'bad request');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requestCounts,
    attach(value) {
      pki = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A throw-away demo PKI made at run time (never for production): a root, an education CA, a TSA, and one
 * certificate per signer of a school record, each with its key. Certificates point their AIA/CRL URLs at the
 * in-process demo services (see demo-services.ts).
 * @module
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const UID_OID = '0.9.2342.19200300.100.1.1';
const RSA_PARAMS = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;

/** One certificate with its key. */
export interface DemoIdentity {
  /** Short name, e.g. `principal`. */
  name: string;
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  /** PKCS#8 PEM of the private key (written to the demo folder). */
  privateKeyPem: string;
}

/** Signer roles of the demo, as in a school record. */
export type DemoSignerName = 'teacher' | 'homeroom' | 'principal' | 'seal';

/** The whole demo PKI. */
export interface DemoPki {
  root: DemoIdentity;
  ca: DemoIdentity;
  tsa: DemoIdentity;
  signers: Record<DemoSignerName, DemoIdentity>;
  /** Serial numbers (hex) the CA has revoked (none by default). */
  revokedSerials: Set<string>;
  /** The base URL baked into AIA and CRL distribution points. */
  baseUrl: string;
}

/** Who a demo certificate is for. */
export interface DemoSignerSpec {
  name: DemoSignerName;
  /** Person's name, or the school's name for the seal. */
  commonName: string;
  /** UID value with its prefix, e.g. `CCCD:031185001234` or `MST:0200123456`. */
  uid: string;
  /** Title (chức danh), e.g. `Hiệu trưởng`. */
  title: string;
  /** Organisation, default the seal's name. */
  organization?: string;
}

/** Default demo signers (used when the caller names none). */
export const DEFAULT_DEMO_SIGNERS: readonly DemoSignerSpec[] = [
  { name: 'teacher', commonName: 'Nguyễn Thị Thu Hà', uid: 'CCCD:031185001234', title: 'Giáo viên bộ môn' },
  { name: 'homeroom', commonName: 'Trần Văn Minh', uid: 'CCCD:031080004567', title: 'Giáo viên chủ nhiệm' },
  { name: 'principal', commonName: 'Phạm Quốc Hùng', uid: 'CCCD:031075007890', title: 'Hiệu trưởng' },
  { name: 'seal', commonName: 'Trường THPT Trần Phú - Hải Phòng', uid: 'MST:0200123456', title: 'Con dấu' },
];

function subjectName(parts: Array<[string, string]>): x509.Name {
  return new x509.Name(parts.map(([type, value]) => ({ [type]: [value] })));
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', key));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

async function identity(
  name: string,
  subject: x509.Name,
  issuer: DemoIdentity | undefined,
  extensions: x509.Extension[],
  serial: string,
  now: Date,
  years: number,
): Promise<DemoIdentity> {
  const keys = (await globalThis.crypto.subtle.generateKey(RSA_PARAMS, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ski = await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, globalThis.crypto);
  const aki = issuer
    ? await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate, false, globalThis.crypto)
    : await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey, false, globalThis.crypto);
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial,
      subject,
      issuer: issuer ? issuer.certificate.subjectName : subject,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + years * 365 * DAY),
      publicKey: keys.publicKey,
      signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      extensions: [...extensions, ski, aki],
    },
    globalThis.crypto,
  );
  return { name, certificate, keys, privateKeyPem: await pkcs8Pem(keys.privateKey) };
}

function aiaAndCrl(baseUrl: string): x509.Extension[] {
  return [
    new x509.AuthorityInfoAccessExtension({
      ocsp: [new x509.GeneralName('url', `${baseUrl}/ocsp`)],
      caIssuers: [new x509.GeneralName('url', `${baseUrl}/ca.cer`)],
    }),
    new x509.CRLDistributionPointsExtension([`${baseUrl}/ca.crl`]),
  ];
}

/**
 * Creates a fresh demo PKI whose URLs point at `baseUrl` (the demo services).
 *
 * @example
 * ```ts
 * const pki = await createDemoPki('http://127.0.0.1:8080');
 * console.log(pki.signers.principal.certificate.subject);
 * ```
 */
export async function createDemoPki(
  baseUrl: string,
  specs: readonly DemoSignerSpec[] = DEFAULT_DEMO_SIGNERS,
  now: Date = new Date(),
): Promise<DemoPki> {
  x509.cryptoProvider.set(globalThis.crypto);
  const caUsage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true);
  const root = await identity(
    'root',
    subjectName([['C', 'VN'], ['O', 'edusign-vn DEMO (không dùng thật / not for real use)'], ['CN', 'Demo Root CA']]),
    undefined,
    [new x509.BasicConstraintsExtension(true, 1, true), caUsage],
    '01',
    now,
    20,
  );
  const ca = await identity(
    'ca',
    subjectName([['C', 'VN'], ['O', 'edusign-vn DEMO'], ['CN', 'Demo CA Giáo dục']]),
    root,
    [
      new x509.BasicConstraintsExtension(true, 0, true),
      caUsage,
      new x509.AuthorityInfoAccessExtension({ caIssuers: [new x509.GeneralName('url', `${baseUrl}/root.cer`)] }),
      new x509.CRLDistributionPointsExtension([`${baseUrl}/root.crl`]),
    ],
    '02',
    now,
    10,
  );
  const tsa = await identity(
    'tsa',
    subjectName([['C', 'VN'], ['O', 'edusign-vn DEMO'], ['CN', 'Demo TSA']]),
    ca,
    [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.8'], true),
      ...aiaAndCrl(baseUrl),
    ],
    '03',
    now,
    5,
  );
  const leafUsage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true);
  const signers = {} as Record<DemoSignerName, DemoIdentity>;
  let serial = 0x10;
  const school = specs.find((s) => s.name === 'seal')?.commonName ?? 'Trường THPT Trần Phú - Hải Phòng';
  for (const spec of specs) {
    const parts: Array<[string, string]> = [['C', 'VN'], ['ST', 'Hải Phòng']];
    if (spec.name === 'seal') parts.push(['O', spec.organization ?? spec.commonName]);
    else parts.push(['O', spec.organization ?? school], ['T', spec.title]);
    parts.push(['CN', spec.commonName], [UID_OID, spec.uid]);
    signers[spec.name] = await identity(spec.name, subjectName(parts), ca, [leafUsage, ...aiaAndCrl(baseUrl)], (serial++).toString(16), now, 3);
  }
  return { root, ca, tsa, signers, revokedSerials: new Set(), baseUrl };
}

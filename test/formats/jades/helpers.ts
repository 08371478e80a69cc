/**
 * Test helpers of the JAdES tests: real signers over the fixture PKI keys (loadPemSigner), a record, jwcrypto.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPemSigner } from '../../../src/crypto/index.js';
import type { SignatureAlgorithm, Signer } from '../../../src/crypto/types.js';

export const PKI = join(import.meta.dirname, '../../../fixtures/pki');

export function der(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(PKI, `${name}.cert.der`)));
}

export function pem(name: string, kind: 'cert' | 'key'): string {
  return readFileSync(join(PKI, `${name}.${kind}.pem`), 'utf8');
}

/** A Signer over a fixture key (chain: ca-edu). */
export function signerFor(name: string, algorithm?: SignatureAlgorithm): Signer {
  return loadPemSigner({ key: pem(name, 'key'), certificate: der(name), chain: [der('ca-edu')], ...(algorithm ? { algorithm } : {}) });
}

export const trustStore = { anchors: [der('root-neac')], intermediates: [der('ca-edu')] };

/** A học bạ-like JSON record (học bạ = school transcript). */
export function sampleRecord(): Record<string, unknown> {
  return {
    loai: 'HocBa',
    truong: { ten: 'Trường THPT Trần Phú', tinh: 'Hải Phòng' },
    hocSinh: { hoTen: 'Nguyễn Văn An', ngaySinh: '2010-05-12', cccd: '031210001234' },
    namHoc: '2025-2026',
    diem: [{ mon: 'Toán', tb: 8.5 }, { mon: 'Ngữ văn', tb: 7.25 }, { mon: 'Tiếng Anh', tb: 9 }],
    nhanXet: 'Chăm ngoan, học tốt',
  };
}

/**
 * Run /usr/bin/python3 with jwcrypto on a JWS (JSON or compact) and a PEM certificate per signature:
 * returns the verdict lines ("ok <i>" / "fail <i> <reason>").
 */
export function jwcryptoVerify(jws: string, certs: string[], detachedPayload?: Uint8Array): string[] {
  const script = `
import sys, json
from jwcrypto import jws, jwk
from jwcrypto.common import JWSEHeaderParameter
REG = {n: JWSEHeaderParameter('JAdES ' + n, True, True, None) for n in ['sigT', 'srAts', 'srCms', 'sigD', 'sigPl', 'sigPId', 'x5t#o', 'sigX5ts', 'adoTst']}
data = json.loads(sys.stdin.read())
token = data['jws']
certs = data['certs']
payload = data.get('payload')
out = []
for i, pemtext in enumerate(certs):
    key = jwk.JWK.from_pem(pemtext.encode())
    obj = jws.JWS(header_registry=REG)
    obj.deserialize(token)
    if payload is not None:
        obj.objects['payload'] = bytes.fromhex(payload)
    try:
        obj.verify(key)
        out.append('ok')
    except Exception as e:
        out.append('fail ' + type(e).__name__)
print(json.dumps(out))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script], {
    input: JSON.stringify({ jws, certs, ...(detachedPayload ? { payload: Buffer.from(detachedPayload).toString('hex') } : {}) }), encoding: 'utf8', timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`jwcrypto failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

/**
 * Sign with /usr/bin/python3 jwcrypto: `signers` = [{ keyPem, alg, protected }]; returns the general JSON serialization.
 */
export function jwcryptoSign(payload: Uint8Array, signers: { keyPem: string; alg: string; protected: Record<string, unknown> }[]): string {
  const script = `
import sys, json
from jwcrypto import jws, jwk
from jwcrypto.common import JWSEHeaderParameter, json_encode
REG = {n: JWSEHeaderParameter('JAdES ' + n, True, True, None) for n in ['sigT', 'srAts', 'srCms', 'sigD']}
data = json.loads(sys.stdin.read())
obj = jws.JWS(bytes.fromhex(data['payload']), header_registry=REG)
for s in data['signers']:
    key = jwk.JWK.from_pem(s['keyPem'].encode())
    obj.add_signature(key, alg=s['alg'], protected=json_encode(s['protected']))
print(obj.serialize(compact=False))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script], {
    input: JSON.stringify({ payload: Buffer.from(payload).toString('hex'), signers }), encoding: 'utf8', timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`jwcrypto sign failed: ${r.stderr}`);
  return r.stdout.trim();
}

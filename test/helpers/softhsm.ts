/**
 * A throwaway SoftHSM2 token for tests (Debian `softhsm2` + `opensc`; `.ci/run` installs both).
 * Each call makes a fresh token directory and config under a temp dir; point SOFTHSM2_CONF at `conf` BEFORE the
 * PKCS#11 library is initialised (SoftHSM reads it in C_Initialize), and call `cleanup()` afterwards.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** True when the SoftHSM2 module, softhsm2-util and pkcs11-tool are all installed. */
export function softhsmAvailable(): boolean {
  return existsSync(SOFTHSM_LIBRARY) && onPath('softhsm2-util') && onPath('pkcs11-tool');
}

/** One key (and optionally its certificate) to put on the token. */
export interface TokenKey {
  /** PEM private key (any format node:crypto reads); imported as PKCS#8. */
  keyPem: string;
  /** PEM or DER certificate to store with the same CKA_ID (omit to test "certificate supplied by caller"). */
  certificate?: string | Uint8Array;
  /** CKA_ID, hex. */
  idHex: string;
  /** CKA_LABEL. */
  label: string;
  /** Delete the public key object softhsm2-util creates (a token that only holds the private key). */
  dropPublicKey?: boolean;
}

export interface SoftHsmToken {
  dir: string;
  conf: string;
  label: string;
  pin: string;
  soPin: string;
  cleanup(): void;
}

/**
 * Create a token with the given keys.
 *
 * @example
 * const token = createSoftHsmToken({ label: 'edusign', pin: '1234', keys: [{ keyPem, certificate, idHex: '01', label: 'teacher' }] });
 * process.env.SOFTHSM2_CONF = token.conf;
 */
export function createSoftHsmToken(options: { label: string; pin: string; soPin?: string; keys: readonly TokenKey[] }): SoftHsmToken {
  const dir = mkdtempSync(join(tmpdir(), 'edusign-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens);
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const soPin = options.soPin ?? '87654321';
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env, stdio: 'pipe' });
  run('softhsm2-util', ['--init-token', '--free', '--label', options.label, '--pin', options.pin, '--so-pin', soPin]);
  options.keys.forEach((key, i) => {
    const pk8 = join(dir, `key${i}.pk8`);
    writeFileSync(pk8, createPrivateKey(key.keyPem).export({ format: 'pem', type: 'pkcs8' }));
    run('softhsm2-util', ['--import', pk8, '--token', options.label, '--label', key.label, '--id', key.idHex, '--pin', options.pin]);
    rmSync(pk8);
    if (key.dropPublicKey) {
      run('pkcs11-tool', ['--module', SOFTHSM_LIBRARY, '--token-label', options.label, '--login', '--pin', options.pin,
        '--delete-object', '--type', 'pubkey', '--id', key.idHex]);
    }
    if (key.certificate !== undefined) {
      const der = join(dir, `cert${i}.der`);
      writeFileSync(der, new X509Certificate(typeof key.certificate === 'string' ? key.certificate : Buffer.from(key.certificate)).raw);
      run('pkcs11-tool', ['--module', SOFTHSM_LIBRARY, '--token-label', options.label, '--login', '--pin', options.pin,
        '--write-object', der, '--type', 'cert', '--id', key.idHex, '--label', key.label]);
    }
  });
  return { dir, conf, label: options.label, pin: options.pin, soPin,
    cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** List the token's objects with pkcs11-tool (for debugging a failing test). */
export function listTokenObjects(token: SoftHsmToken): string {
  return execFileSync('pkcs11-tool', ['--module', SOFTHSM_LIBRARY, '--token-label', token.label, '--login', '--pin', token.pin,
    '--list-objects'], { env: { ...process.env, SOFTHSM2_CONF: token.conf }, stdio: 'pipe' }).toString();
}


/**
 * Put an RSA private key marked CKA_ALWAYS_AUTHENTICATE (a PIN entry before every signature) on the token,
 * through pkcs11js (softhsm2-util cannot set that attribute). SOFTHSM2_CONF must already point at `token.conf`,
 * and no other PKCS#11 session may be open in this process.
 */
export async function addAlwaysAuthenticateRsaKey(token: SoftHsmToken, keyPem: string, idHex: string, label: string): Promise<void> {
  const { default: pkcs11js } = await import('pkcs11js');
  const jwk = createPrivateKey(keyPem).export({ format: 'jwk' });
  const b = (s?: string) => Buffer.from(s ?? '', 'base64url');
  const p11 = new pkcs11js.PKCS11();
  p11.load(SOFTHSM_LIBRARY);
  p11.C_Initialize();
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === token.label);
    if (!slot) throw new Error(`token ${token.label} not found`);
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    p11.C_Login(session, pkcs11js.CKU_USER, token.pin);
    p11.C_CreateObject(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }, { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_RSA },
      { type: pkcs11js.CKA_TOKEN, value: true }, { type: pkcs11js.CKA_PRIVATE, value: true },
      { type: pkcs11js.CKA_SENSITIVE, value: true }, { type: pkcs11js.CKA_SIGN, value: true },
      { type: pkcs11js.CKA_ID, value: Buffer.from(idHex, 'hex') }, { type: pkcs11js.CKA_LABEL, value: label },
      { type: pkcs11js.CKA_ALWAYS_AUTHENTICATE, value: true },
      { type: pkcs11js.CKA_MODULUS, value: b(jwk.n) }, { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: b(jwk.e) },
      { type: pkcs11js.CKA_PRIVATE_EXPONENT, value: b(jwk.d) }, { type: pkcs11js.CKA_PRIME_1, value: b(jwk.p) },
      { type: pkcs11js.CKA_PRIME_2, value: b(jwk.q) }, { type: pkcs11js.CKA_EXPONENT_1, value: b(jwk.dp) },
      { type: pkcs11js.CKA_EXPONENT_2, value: b(jwk.dq) }, { type: pkcs11js.CKA_COEFFICIENT, value: b(jwk.qi) },
    ]);
    p11.C_Logout(session);
    p11.C_CloseSession(session);
  } finally {
    p11.C_Finalize();
    p11.close();
  }
}

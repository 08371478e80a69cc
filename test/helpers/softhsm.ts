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


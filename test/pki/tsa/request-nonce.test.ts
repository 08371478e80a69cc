import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimestampRequest } from '../../../src/pki/index.js';

// A random nonce starting with 0x00 must still be a minimal DER INTEGER: openssl refuses "illegal padding".
describe('timestamp request nonce encoding', () => {
  it.each([
    [[0x00, 0x12, 0x34], '0x1234'],
    [[0x00, 0x00, 0x81], '0x81'],
    [[0x80, 0x01], '0x8001'],
    [[0x00], '0x0'],
  ])('nonce %j is read by openssl ts as %s', (bytes, shown) => {
    const dir = mkdtempSync(join(tmpdir(), 'edusign-nonce-'));
    try {
      const { der, nonceHex } = buildTimestampRequest(createHash('sha256').update('x').digest(), 'SHA-256', { nonce: Uint8Array.from(bytes) });
      writeFileSync(join(dir, 'q.tsq'), der);
      const text = execFileSync('openssl', ['ts', '-query', '-in', join(dir, 'q.tsq'), '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(text).toMatch(new RegExp(`Nonce: ${shown}\\b`, 'i'));
      expect(BigInt(`0x${nonceHex}`)).toBe(BigInt(shown));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createPkiCache } from '../../../src/pki/net/cache.js';

describe('createPkiCache eviction', () => {
  it('drops the least recently used entry: an entry read for every document survives many one-off entries', () => {
    const cache = createPkiCache({ maxEntries: 3 });
    const now = new Date('2026-01-01T00:00:00Z');
    cache.set('crl:ca-edu', new Uint8Array([1]), new Date('2026-01-02T00:00:00Z'));
    for (let i = 0; i < 10; i++) {
      expect(cache.get('crl:ca-edu', now), `document ${i}`).toEqual(new Uint8Array([1]));
      cache.set(`certsig:${i}`, new Uint8Array([i]), undefined);
    }
    expect(cache.size).toBe(3);
    expect(cache.get('certsig:0', now)).toBeUndefined();
    expect(cache.get('certsig:9', now)).toEqual(new Uint8Array([9]));
  });
});

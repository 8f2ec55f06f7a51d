/**
 * Issue 27, item 8: checksums without a secure context. The pure fallback must give the
 * digest `crypto.subtle` gives (FIPS 180-4 test vectors, and a larger random input).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/lib/data/sha256';

const text = (s: string) => new TextEncoder().encode(s);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sha256Hex', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty', text(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', text('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'two blocks',
      text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ];

  it.each(cases)('%s: the published digest with crypto.subtle', async (_, bytes, digest) => {
    expect(await sha256Hex(bytes)).toBe(digest);
  });

  it.each(cases)(
    '%s: the same digest on a plain-http page (no subtle)',
    async (_, bytes, digest) => {
      vi.stubGlobal('crypto', {});
      expect(await sha256Hex(bytes)).toBe(digest);
    },
  );

  it('agrees with crypto.subtle on 3 MB of random bytes', async () => {
    const bytes = new Uint8Array(3_000_000);
    for (let i = 0; i < bytes.length; i += 65536)
      crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const secure = await sha256Hex(bytes);
    vi.stubGlobal('crypto', undefined);
    expect(await sha256Hex(bytes)).toBe(secure);
  });
});

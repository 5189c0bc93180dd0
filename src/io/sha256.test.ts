import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256, sha256Hex, toHex } from './sha256';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Bytes 0, 1, 2… of a given length: crosses every padding boundary (55, 56, 63, 64 bytes). */
const counting = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

afterEach(() => vi.unstubAllGlobals());

describe('sha256 (the fallback without crypto.subtle)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes the FIPS 180 example %j', (text, expected) => {
    expect(toHex(sha256(utf8(text)))).toBe(expected);
  });

  it.each([1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001])(
    'agrees with node:crypto on %i bytes',
    (n) => {
      const bytes = counting(n);
      expect(toHex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    },
  );

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const big = counting(300);
    const view = big.subarray(17, 217);
    expect(toHex(sha256(view))).toBe(createHash('sha256').update(view).digest('hex'));
  });
});

describe('sha256Hex', () => {
  it('uses crypto.subtle when there is one and the fallback when not, with the same result', async () => {
    const bytes = counting(5000);
    const expected = createHash('sha256').update(bytes).digest('hex');
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(digest).toHaveBeenCalledTimes(1);
    // A page served over plain http has no crypto.subtle.
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues });
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(digest).toHaveBeenCalledTimes(1);
  });
});

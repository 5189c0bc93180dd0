import { describe, expect, it } from 'vitest';
import {
  fillScriptHashes,
  inlineScriptHashes,
  inlineWorkers,
  SCRIPT_HASH_PLACEHOLDER,
  SINGLE_FILE_CONTENT_SECURITY_POLICY,
} from '../../scripts/vite/singleFile';

describe('inlineWorkers', () => {
  it.each([
    [
      "return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });",
      'import __keyplanInlineWorker0 from "./importWorker.ts?worker&inline";\nreturn __keyplanInlineWorker0();',
    ],
    [
      'new Worker(new URL("./a.ts", import.meta.url), {type: "module",})',
      'import __keyplanInlineWorker0 from "./a.ts?worker&inline";\n__keyplanInlineWorker0()',
    ],
    [
      "new Worker(\n  new URL('./a.ts', import.meta.url),\n  { type: 'module' },\n);\nnew Worker(new URL('./b.ts', import.meta.url), { type: 'module' })",
      'import __keyplanInlineWorker0 from "./a.ts?worker&inline";\nimport __keyplanInlineWorker1 from "./b.ts?worker&inline";\n__keyplanInlineWorker0();\n__keyplanInlineWorker1()',
    ],
  ])('%s', (code, expected) => {
    expect(inlineWorkers(code)).toBe(expected);
  });

  it.each([
    ['no worker at all', 'const x = 1;'],
    ['a worker from a variable', 'new Worker(url, { type: "module" })'],
    ['a classic worker', "new Worker(new URL('./a.ts', import.meta.url))"],
  ])('leaves %s alone', (_label, code) => {
    expect(inlineWorkers(code)).toBeNull();
  });
});

describe('inline script hashes', () => {
  it.each([
    // The example of the CSP specification / MDN.
    [
      "<script>alert('Hello, world.');</script>",
      ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"],
    ],
    [
      '<script type="module" crossorigin></script>',
      ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    ],
    ['<script type="module" src="./a.js"></script>', []],
    ['<p>no script</p>', []],
  ])('%s', (html, expected) => {
    expect(inlineScriptHashes(html)).toEqual(expected);
  });

  it('puts the hash of the inlined script into the policy', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="${SINGLE_FILE_CONTENT_SECURITY_POLICY}" /><script type="module">alert('Hello, world.');</script>`;
    const filled = fillScriptHashes(html);
    expect(filled).toContain("script-src 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';");
    expect(filled).not.toContain(SCRIPT_HASH_PLACEHOLDER);
  });

  it.each([
    ['no inline script', `<meta content="${SCRIPT_HASH_PLACEHOLDER}">`, /no inline script/],
    ['no placeholder', '<script>alert(1)</script>', /placeholder is missing/],
  ])('refuses a page with %s', (_label, html, message) => {
    expect(() => fillScriptHashes(html)).toThrow(message);
  });
});

describe('the single file policy', () => {
  const directives = new Map(
    SINGLE_FILE_CONTENT_SECURITY_POLICY.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values.join(' ')] as const;
    }),
  );
  it.each([
    ['default-src', "'none'"],
    ['script-src', SCRIPT_HASH_PLACEHOLDER],
    ['worker-src', 'blob:'],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('allows neither eval nor inline script without a hash', () => {
    expect(SINGLE_FILE_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });
});

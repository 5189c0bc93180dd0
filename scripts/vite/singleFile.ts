// `npm run build:single` (vite build --mode single): the whole app in one keyplan.html that works
// opened from disk (file://), e.g. sent by e-mail. vite-plugin-singlefile inlines the JS and CSS;
// the plugins here do what it leaves: workers, the favicon, the CSP hash, and a check that one
// file really is all there is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const SINGLE_FILE_NAME = 'keyplan.html';

/** Stands in the CSP until the inlined script exists; replaced by its hash after the build. */
export const SCRIPT_HASH_PLACEHOLDER = "'sha256-KEYPLAN-INLINE-SCRIPTS'";

/**
 * The single file's Content-Security-Policy. Stricter than the served app's: nothing may be
 * loaded from anywhere, not even the folder the file sits in (default-src 'none').
 * - script-src: only the inlined module script(s), by hash; still no eval / new Function.
 * - worker-src blob: the import and analysis workers are inlined and started from blob: URLs made
 *   by the page itself (a file:// page cannot start a worker from another file).
 * - style-src 'unsafe-inline': the inlined stylesheet, Svelte style attributes, AG Grid themes.
 * - img-src / font-src data: the favicon, AG Grid's icons and any font are inlined as data: URLs.
 * - connect-src 'none': no fetch / XHR / websocket at all.
 */
export const SINGLE_FILE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${SCRIPT_HASH_PLACEHOLDER}`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const WORKER_RE =
  /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*\{\s*type:\s*['"]module['"]\s*,?\s*\}\s*,?\s*\)/g;

/**
 * Turns each `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })` into Vite's
 * inline worker (`./x.ts?worker&inline`: the worker's bundle as a string, started from a blob:
 * URL). Returns null when the code starts no worker.
 */
export function inlineWorkers(code: string): string | null {
  const imports: string[] = [];
  const rewritten = code.replace(WORKER_RE, (_match, _quote: string, path: string) => {
    const name = `__keyplanInlineWorker${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
    return `${name}()`;
  });
  return imports.length === 0 ? null : `${imports.join('\n')}\n${rewritten}`;
}

/** CSP source expressions ('sha256-…') for the text of every inline <script> in `html`. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    const digest = createHash('sha256')
      .update(match[2] ?? '', 'utf8')
      .digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

/** Puts the hashes of the page's inline scripts in place of the CSP placeholder. */
export function fillScriptHashes(html: string): string {
  const hashes = inlineScriptHashes(html);
  if (hashes.length === 0) throw new Error(`${SINGLE_FILE_NAME}: no inline script to allow`);
  if (!html.includes(SCRIPT_HASH_PLACEHOLDER)) {
    throw new Error(`${SINGLE_FILE_NAME}: the CSP placeholder is missing`);
  }
  return html.replace(SCRIPT_HASH_PLACEHOLDER, hashes.join(' '));
}

/** A file as a data: URL (SVG as text, which is shorter than base64). */
export function dataUrl(path: string): string {
  const bytes = readFileSync(path);
  if (path.endsWith('.svg')) {
    return `data:image/svg+xml,${encodeURIComponent(bytes.toString('utf8'))}`;
  }
  const type = path.endsWith('.png') ? 'image/png' : 'application/octet-stream';
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/**
 * The single build's own steps, around vite-plugin-singlefile:
 * - its Content-Security-Policy meta, with a placeholder for the script hash;
 * - workers inlined (before Vite's own worker plugin sees the `new URL` form);
 * - files of public/ named in index.html (`href="./favicon.svg"`…) and the logo in the app's
 *   header (`"./favicon.svg"`) become data: URLs, as public/ is not copied;
 * - after writing: the CSP placeholder becomes the hash of the inlined script, and the build fails
 *   if anything but keyplan.html was written (a file the page would look for and not find).
 */
export function singleFileExtras(publicDir: string): Plugin[] {
  const favicon = dataUrl(join(publicDir, 'favicon.svg'));
  return [
    {
      name: 'keyplan-single-workers',
      apply: 'build',
      enforce: 'pre',
      transform(code, id) {
        if (id.includes('/node_modules/') || !/\.(ts|js|svelte)$/.test(id)) return null;
        const inlined = code.includes('new Worker(') ? inlineWorkers(code) : null;
        const withLogo = (inlined ?? code).replaceAll('"./favicon.svg"', JSON.stringify(favicon));
        return withLogo === code ? null : { code: withLogo, map: null };
      },
    },
    {
      name: 'keyplan-single-html',
      apply: 'build',
      // The policy goes in as written: Vite's tag injection would escape its quotes as &#39;,
      // and the placeholder must be found again after inlining.
      transformIndexHtml: (html) =>
        html
          .replace(
            '<head>',
            `<head>\n    <meta http-equiv="Content-Security-Policy" content="${SINGLE_FILE_CONTENT_SECURITY_POLICY}" />`,
          )
          .replace(/href="\.\/([\w.-]+)"/g, (link, name: string) =>
            existsSync(join(publicDir, name)) ? `href="${dataUrl(join(publicDir, name))}"` : link,
          ),
    },
    {
      name: 'keyplan-single-finish',
      apply: 'build',
      enforce: 'post',
      writeBundle(options) {
        const dir = options.dir;
        if (!dir) throw new Error('single build: no output folder');
        const written = readdirSync(dir);
        if (written.length !== 1 || written[0] !== SINGLE_FILE_NAME) {
          throw new Error(
            `single build: expected only ${SINGLE_FILE_NAME}, found ${written.join(', ')}`,
          );
        }
        const file = join(dir, SINGLE_FILE_NAME);
        writeFileSync(file, fillScriptHashes(readFileSync(file, 'utf8')));
      },
    },
  ];
}

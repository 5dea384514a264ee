// Bundles for real with the local esbuild (no Docker, no network), then loads each bundle as
// Node loads it on Lambda: an ES module whose handler export exists, with CommonJS dependencies
// working through the require banner where they need it, and no AWS SDK client in it.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, HANDLERS_DIR, REPO_ROOT, bundleFunction } from '../../lib/bundle-function.ts';
import { LEXICON } from '../../lambdas/core/classify/lexicon.ts';
import { parseMime as parseMimeFromSource } from '../../lambdas/adapters/mime.ts';
import { FUNCTIONS, resourceAt, synth } from './synth.ts';

// Inside the repo (cdk.out is git-ignored), beside the code it bundles.
mkdirSync(path.join(REPO_ROOT, 'cdk.out'), { recursive: true });
const outdir = mkdtempSync(path.join(REPO_ROOT, 'cdk.out', 'infra-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const { template } = synth({}, { bundle: true, outdir });

function bundleOf(name: keyof typeof FUNCTIONS) {
  const fn = resourceAt(template, `${FUNCTIONS[name].path}/Function/Resource`);
  const assetPath = fn.Metadata?.['aws:asset:path'] as string;
  return path.join(outdir, assetPath);
}

let mimeProbe: Promise<{ parseMime: typeof parseMimeFromSource; size: number; code: string }> | null = null;
/** The real MIME adapter, bundled as the functions bundle it (once for the tests that read it). */
function bundledMime() {
  mimeProbe ??= (async () => {
    const dir = path.join(outdir, 'mime-probe');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'entry.ts'),
      `export { parseMime } from ${JSON.stringify(path.join(REPO_ROOT, 'lambdas', 'adapters', 'mime.ts'))};\n`,
    );
    const size = await bundleFunction(path.join(dir, 'entry.ts'), dir);
    const { parseMime } = await import(pathToFileURL(path.join(dir, 'index.mjs')).href);
    return { parseMime, size, code: readFileSync(path.join(dir, 'index.mjs'), 'utf8') };
  })();
  return mimeProbe;
}

describe('Lambda bundles', () => {
  it('the stack wires every handler entry it names, and those entries exist', () => {
    const entries = readdirSync(HANDLERS_DIR);
    for (const { entry } of Object.values(FUNCTIONS)) expect(entries).toContain(entry);
  });

  it.each(Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[])(
    '%s: a minified ESM bundle with a source map that imports no AWS SDK package',
    (name) => {
      const dir = bundleOf(name);
      expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
      const code = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      // No bundled CommonJS calls require(), so no bundle pays for the banner that would give it one.
      expect(code).not.toContain('createRequire');
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      // No SDK client: the adapters sign their own requests (aws-http.ts); loading a client costs
      // 50–100 ms of cold start; DynamoDB's JSON is converted by adapters/dynamo-json.ts.
      expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
      // Minified: long lines (the few line breaks left are inside template literals); unminified code
      // averages ~40 characters a line.
      expect(code.length / code.split('\n').length).toBeGreaterThan(500);
      expect(statSync(path.join(dir, 'index.mjs')).size).toBeLessThan(1024 * 1024);
      const map = JSON.parse(readFileSync(path.join(dir, 'index.mjs.map'), 'utf8'));
      expect(map.sources.some((s: string) => s.endsWith(`handlers/${FUNCTIONS[name].entry}`))).toBe(true);
    },
  );

  it('the inbound bundle carries the mail parser and nodemailer, so they run under ESM', () => {
    const code = readFileSync(path.join(bundleOf('inbound'), 'index.mjs'), 'utf8');
    expect(code).not.toMatch(/from\s*"(postal-mime|nodemailer|email-forward-parser|zod)/);
    const map = JSON.parse(readFileSync(path.join(bundleOf('inbound'), 'index.mjs.map'), 'utf8'));
    expect(map.sources.some((s: string) => s.includes('node_modules/postal-mime/'))).toBe(true);
    expect(map.sources.some((s: string) => s.includes('node_modules/nodemailer/'))).toBe(true);
  });

  it.each(Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[])(
    '%s: imports as an ES module and exports handler',
    async (name) => {
      const file = path.join(bundleOf(name), 'index.mjs');
      expect(existsSync(file)).toBe(true);
      const mod = await import(pathToFileURL(file).href);
      expect(typeof mod.handler).toBe('function');
    },
  );

  // A require of a name known only at run time leaves no trace in esbuild's metafile: the bundler
  // finds it by the require shim esbuild writes instead.
  it.each([
    ['a Node built-in', 'require-probe', "require('node:path')"],
    ['a name known only at run time', 'dynamic-require-probe', "require(['node', 'path'].join(':'))"],
  ])('a bundle whose CommonJS requires %s gets a require, and runs under ESM', async (_, probe, required) => {
    const dir = path.join(outdir, probe);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'dep.cjs'), `module.exports = () => ${required}.posix.join('a', 'b');\n`);
    writeFileSync(path.join(dir, 'entry.ts'), "import join from './dep.cjs';\nexport const handler = () => join();\n");
    await bundleFunction(path.join(dir, 'entry.ts'), dir);
    expect(readFileSync(path.join(dir, 'index.mjs'), 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    const mod = await import(pathToFileURL(path.join(dir, 'index.mjs')).href);
    expect(mod.handler()).toBe('a/b');
  });

  it('a bundled handler runs: the inbound function drops a non-SES event without touching AWS', async () => {
    const mod = await import(pathToFileURL(path.join(bundleOf('inbound'), 'index.mjs')).href);
    await expect(mod.handler({ hello: 'world' })).resolves.toEqual({ outcomes: [] });
  });

  it('a bundled handler runs: the review function answers 503 (not a crash) when it cannot start', async () => {
    const mod = await import(pathToFileURL(path.join(bundleOf('review'), 'index.mjs')).href);
    const response = await mod.handler({
      rawPath: '/',
      rawQueryString: '',
      headers: {},
      requestContext: { http: { method: 'GET' } },
    });
    expect(response.statusCode).toBe(503);
  });

  it("postal-mime's entity table and HTML converter are onward's in the bundle: mail's entities decode, exotic names stay as written", async () => {
    const { parseMime, size } = await bundledMime();
    // A text part then an HTML part, not alternatives: postal-mime turns the HTML into text.
    const html =
      '<p>Caf&eacute; &ndash; &euro;5 &rarr; we&rsquo;re &Delta; &trade;&nbsp;&#x1F600; &frac13; &le; &check; &Bopf;</p>';
    const raw = [
      'From: a@example.com',
      'To: b@example.com',
      'Subject: x',
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Hello',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b--',
      '',
    ].join('\r\n');
    const mail = await parseMime(raw);
    // onward's converter (core/mail/html-text.ts) makes &nbsp; a space; postal-mime's kept U+00A0.
    expect(mail.text).toContain('Café – €5 → we’re Δ ™ 😀 ⅓ ≤ ✓ &Bopf;');
    expect(mail.text).toContain('Hello');
    // postal-mime and the adapter come to ~70 KB with the whole HTML5 table and its own
    // converter, ~48 KB with onward's.
    expect(size).toBeLessThan(50 * 1024);
  });

  it("postal-mime's decoders join their pieces without a Blob in the bundle, to the same mail", async () => {
    const { parseMime, code } = await bundledMime();
    expect(code).not.toContain('new Blob(');
    // A part of each transfer encoding, and a forwarded message attached whole (its own parts
    // decoded the same way): the bundle reads each as the source does.
    const b64 = Buffer.from('Grüße aus Köln — “thanks” 😀\nsecond line\n').toString('base64');
    const inner = [
      'From: Dana <dana@acme.example>',
      'Subject: Your application',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64.slice(0, 20),
      b64.slice(20),
      '',
    ].join('\r\n');
    const raw = [
      'From: a@example.com',
      'To: b@example.com',
      'Subject: =?utf-8?Q?Fwd:_caf=C3=A9?=',
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=C3=A9 =E2=80=93 a soft=',
      ' break, then',
      'a second line',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Eight-bit: naïve résumé',
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--b--',
      '',
    ].join('\r\n');
    const bundled = await parseMime(Buffer.from(raw, 'utf8'));
    expect(bundled).toEqual(await parseMimeFromSource(Buffer.from(raw, 'utf8')));
    expect(bundled.text).toContain('Café – a soft break, then');
    expect(bundled.attached?.text).toContain('Grüße aus Köln — “thanks” 😀');
  });

  it('the lexicon is bundled one string an idea, and reads back phrase for phrase', async () => {
    const dir = path.join(outdir, 'lexicon-probe');
    mkdirSync(dir, { recursive: true });
    const lexicon = path.join(REPO_ROOT, 'lambdas', 'core', 'classify', 'lexicon.ts');
    writeFileSync(path.join(dir, 'entry.ts'), `export { LEXICON } from ${JSON.stringify(lexicon)};\n`);
    await bundleFunction(path.join(dir, 'entry.ts'), dir);
    const bundled = await import(pathToFileURL(path.join(dir, 'index.mjs')).href);
    expect(bundled.LEXICON).toEqual(LEXICON);
    // No array of quoted phrases left: `"not","no longer"` would be the source as written.
    expect(readFileSync(path.join(dir, 'index.mjs'), 'utf8')).not.toContain('"no longer"');
  });
});

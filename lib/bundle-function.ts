// How every onward function is bundled: one definition, used by the stack (OnwardFunction's
// local bundling runs this file), by `npm run bench` and by the infra tests, so the bundle that
// is measured and tested is the bundle that ships.
//   npx tsx lib/bundle-function.ts <handler file under lambdas/handlers> <output directory>
// It is esbuild's API rather than NodejsFunction's esbuild command line because of one plugin
// (below), which the command line cannot load.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLERS_DIR = path.join(REPO_ROOT, 'lambdas', 'handlers');
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * The functions onward deploys, by construct id, each with its handler file under lambdas/handlers/
 * (the stack builds them from this list, and `npm run bench` measures the same).
 */
export const FUNCTION_ENTRIES = {
  Review: 'on-approval-request.ts',
  Inbound: 'on-mail-received.ts',
  Replies: 'on-reply-received.ts',
  ExpireDrafts: 'expire-drafts.ts',
  SendFeedback: 'on-send-feedback.ts',
} as const;

// ESM output: a bundled CommonJS dependency that calls require() for a Node built-in would fail,
// since an ES module has no require. The banner gives such a bundle one. Only such a bundle: none
// is one today, and importing node:module and making a require cost every cold start ~1 ms.
export const ESM_REQUIRE_BANNER = 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);';

/**
 * Whether the bundle calls require() at run time, of a module left outside it (a Node built-in) or
 * of a name known only then (`require(name)`): either way esbuild writes its require shim into ESM
 * output, whose error names "Dynamic require" (the bundle tests pin both cases).
 */
const requiresAtRunTime = (code: string): boolean => code.includes('Dynamic require of');

// One HTML-to-text converter: postal-mime turns an HTML part into text only when it sits beside a
// plain one in multipart/mixed, with 2.5 KB of its own and its table of all 2,231 HTML5 character
// references (34 KB, which nothing else in it reads, so the bundle then leaves it out); HTML-only
// mail already goes through onward's (lambdas/core/mail/html-text.ts), which the bundle uses for both. For such a
// mixed message the text differs in layout (postal-mime writes list items as " * " and keeps link
// URLs; onward's makes paragraphs): tests read it as postal-mime does, the bundle as onward does,
// and only test/infra/bundle.test.ts reads it through the bundle.
const POSTAL_MIME_TEXT_FORMAT = /postal-mime[\\/]dist[\\/]esm[\\/]text-format\.js$/;
const ONWARD_HTML_TEXT = path.join(REPO_ROOT, 'lambdas', 'core', 'mail', 'html-text.ts');
const POSTAL_HTML_TO_TEXT = 'export function htmlToText(';

/**
 * A plugin that rewrites a dependency's file as it loads. `patch` throws, naming the file, when
 * the text it replaces is gone: a new version of the dependency would otherwise keep its own way
 * unnoticed.
 */
function patching(name: string, filter: RegExp, patch: (source: string, file: string) => string): esbuild.Plugin {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, async (args) => ({
        contents: patch(await readFile(args.path, 'utf8'), args.path),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

const onwardHtmlDecoding = patching('onward-html-decoding', POSTAL_MIME_TEXT_FORMAT, (source, file) => {
  if (!source.includes(POSTAL_HTML_TO_TEXT)) throw new Error(`${file} no longer exports htmlToText`);
  return `${source.replace(POSTAL_HTML_TO_TEXT, 'function postalHtmlToText(')}\nexport { htmlToText } from ${JSON.stringify(ONWARD_HTML_TEXT)};\n`;
});

// postal-mime's decoders join each part's pieces through a Blob (a round trip that costs ~50 µs an
// email in the pipeline on Node);
// in the bundle they call onward's joinChunks, which returns the same bytes (adapters/mime-chunks.ts).
const POSTAL_MIME_DECODERS = /postal-mime[\\/]dist[\\/]esm[\\/](?:base64|qp|pass-through)-decoder\.js$/;
const BLOB_ROUND_TRIP = "blobToArrayBuffer(new Blob(this.chunks, { type: 'application/octet-stream' }))";
const JOIN_CHUNKS = path.join(REPO_ROOT, 'lambdas', 'adapters', 'mime-chunks.ts');

const onwardChunkJoining = patching('onward-chunk-joining', POSTAL_MIME_DECODERS, (source, file) => {
  if (!source.includes(BLOB_ROUND_TRIP)) throw new Error(`${file} no longer joins its chunks through a Blob`);
  return `import { joinChunks } from ${JSON.stringify(JOIN_CHUNKS)};\n${source.replace(BLOB_ROUND_TRIP, 'joinChunks(this.chunks)')}`;
});

// The lexicon is written one phrase to a line for people to read and change (785 phrases); in
// the bundle each idea's phrases travel as one string split at load, the same values in ~1.3 KB
// less of the 256 KB an inbound function may have. ";" is in no phrase (a test reads them back).
const LEXICON_FILE = path.join(REPO_ROOT, 'lambdas', 'core', 'classify', 'lexicon.ts');

/** The lexicon module as bundled: LEXICON's values, each idea's phrases joined by ";". */
async function compactLexiconSource(): Promise<string> {
  const { LEXICON } = (await import(pathToFileURL(LEXICON_FILE).href)) as { LEXICON: Record<string, string[]> };
  const joined = Object.fromEntries(Object.entries(LEXICON).map(([idea, phrases]) => [idea, phrases.join(';')]));
  return `export const LEXICON = Object.fromEntries(Object.entries(${JSON.stringify(joined)}).map(([k, v]) => [k, v.split(';')]));\n`;
}

const compactLexicon: esbuild.Plugin = {
  name: 'onward-compact-lexicon',
  setup(build) {
    build.onLoad({ filter: /lambdas[\\/]core[\\/]classify[\\/]lexicon\.ts$/ }, async () => ({
      contents: await compactLexiconSource(),
      loader: 'js',
    }));
  },
};

// email-forward-parser and email-reply-parser each make a require() of their own as they load
// (createRequire from node:module), only to try require('re2') and use RE2 where it is installed.
// A bundle never has it (a native module cannot be bundled): email-reply-parser's attempt cost
// every cold start of the replies function a search of the file system and a thrown error (~1
// ms), and their own require kept node:module loaded. In the bundle the attempt throws at once,
// as it would have failed.
const RE2_PROBES = /(?:email-forward-parser[\\/]dist[\\/]utils|email-reply-parser[\\/]dist[\\/]regex)\.js$/;
const OWN_REQUIRE = 'import { createRequire } from "module";\nconst require = createRequire(import.meta.url);\n';
const RE2_REQUIRE = 'require("re2")';

const noRe2 = patching('onward-no-re2', RE2_PROBES, (source, file) => {
  const contents = source
    .replace(OWN_REQUIRE, '')
    .replace(RE2_REQUIRE, '(() => { throw new Error("re2 is not bundled"); })()');
  // A version that required anything else, or differently, would otherwise break or keep its probe.
  if (contents.length === source.length || /\brequire\b/.test(contents.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
    throw new Error(`${file} no longer requires only re2, as onward-no-re2 expects`);
  return contents;
});

/** Bundles one handler (a file under lambdas/handlers, or any absolute path) into `<outdir>/index.mjs` and its source map; returns the bundle's size. */
export async function bundleFunction(entry: string, outdir: string): Promise<number> {
  const outfile = path.join(outdir, 'index.mjs');
  const options: esbuild.BuildOptions = {
    entryPoints: [path.resolve(HANDLERS_DIR, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'node22',
    platform: 'node',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // Non-ASCII as UTF-8, not \uXXXX escapes: the letter and page texts are full of “ ” — …
    charset: 'utf8',
    // email-forward-parser's own switch for its re2 probe (see noRe2): said at build time, the
    // attempt is left out of the bundle, and its require with it.
    define: { 'process.env.EMAIL_FORWARD_PARSER_DISABLE_RE2': '"1"' },
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    plugins: [onwardHtmlDecoding, onwardChunkJoining, compactLexicon, noRe2],
    logLevel: 'error',
  };
  await esbuild.build(options);
  if (requiresAtRunTime(readFileSync(outfile, 'utf8')))
    await esbuild.build({ ...options, banner: { js: ESM_REQUIRE_BANNER } });
  return statSync(outfile).size;
}

/** The command that bundles one handler: run by CDK's local bundling (and inside Docker, were it ever used). */
export function bundleCommand(entry: string, outdir: string): string[] {
  return ['node', '--import', 'tsx', path.relative(REPO_ROOT, THIS_FILE), entry, outdir];
}

/** For CDK's synchronous local bundling: the same bundle, built by a child process. */
export function bundleFunctionSync(entry: string, outdir: string): void {
  const [, ...args] = bundleCommand(entry, outdir);
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`bundling ${entry} failed (exit ${run.status ?? run.signal})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) {
    console.error('usage: tsx lib/bundle-function.ts <handler file> <output directory>');
    process.exit(2);
  }
  await bundleFunction(entry, path.resolve(outdir));
}

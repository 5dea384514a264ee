// Hostile MIME, bounded work: every message gets a recorded outcome within
// 2 s and 256 MB, nothing but escaped text reaches the draft, the page or the letter, and no
// generated message makes the handler throw.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composer, type Composition } from '../../lambdas/handlers/compose.ts';
import { linkIn } from '../support/outbox.ts';
import {
  OWNER,
  INBOUND,
  forwardOf,
  outboxSince,
  outboxCount,
  startTestStack,
  storeForSes,
  type TestStack,
} from '../support/stack.ts';

let t: TestStack;
let deps: Composition;
let inbound: typeof import('../../lambdas/handlers/on-mail-received.ts');
const CAP = 4 * 1024 * 1024;

beforeAll(async () => {
  t = await startTestStack({ ONWARD_MAX_MESSAGE_BYTES: String(CAP) });
  deps = await composer(process.env)();
  inbound = await import('../../lambdas/handlers/on-mail-received.ts');
});
afterAll(() => t?.stop());

const header = [`From: ${OWNER}`, `To: ${INBOUND}`, 'Subject: Fwd: hostile', 'MIME-Version: 1.0'].join('\r\n');

function siblings(n: number): string {
  const parts = [header, 'Content-Type: multipart/mixed; boundary="s"', ''];
  for (let i = 0; i < n; i += 1) parts.push('--s', '', 'x');
  return [...parts, '--s--', ''].join('\r\n');
}

/** Each a rejection of its own (a second forward of the same one would be "Already forwarded"). */
function htmlOnly(html: string, which: string): string {
  return `${header}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>We have decided not to move forward (${which}).</p>${html}\r\n`;
}

function nested(depth: number): string {
  const open = Array.from(
    { length: depth },
    (_, i) => `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n`,
  ).join('');
  return `${header}\r\n${open}Content-Type: text/plain\r\n\r\nWe have decided not to move forward.\r\n`;
}

/** Read as a rejection: drafted, or recorded as form mail with no letter suggested. */
const REJECTION = ['drafted', 'no-letter-suggested'];

const hostile: [string, () => string | Buffer, string[]][] = [
  ['deep nesting', () => nested(5000), ['unreadable']],
  ['200,000 sibling parts', () => siblings(200_000), ['unreadable', 'too-large']],
  [
    'a 5 MB header block',
    () =>
      `${header}\r\n${Array.from({ length: 60_000 }, (_, i) => `X-Pad-${i}: ${'a'.repeat(80)}`).join('\r\n')}\r\n\r\nbody`,
    ['unreadable', 'too-large'],
  ],
  [
    'a header block just under the cap',
    () =>
      `${header}\r\n${Array.from({ length: 40_000 }, (_, i) => `X-Pad-${i}: ${'a'.repeat(80)}`).join('\r\n')}\r\n\r\nbody`,
    ['unreadable'],
  ],
  [
    'broken base64',
    () =>
      `${header}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!not base64 at all ====\r\n@@@\r\n`,
    ['not-a-rejection', 'unsure', 'empty'],
  ],
  [
    'an unknown charset',
    () =>
      `${header}\r\nContent-Type: text/plain; charset=x-klingon-42\r\n\r\nWe have decided not to move forward with your application.\r\n`,
    ['not-a-rejection', 'unsure', 'drafted', 'no-letter-suggested'],
  ],
  [
    'a lying charset',
    () =>
      Buffer.concat([
        Buffer.from(`${header}\r\nContent-Type: text/plain; charset=utf-16\r\n\r\n`),
        Buffer.from([0xff, 0xfe, 0xd8, 0x00, 0x41, 0xdc, 0xc3, 0x28, 0x0d, 0x0a]),
      ]),
    ['not-a-rejection', 'unsure', 'empty'],
  ],
  [
    'a zip attachment',
    () =>
      `${header}\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--z\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename="bomb.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(200_000, 0x41).toString('base64')}\r\n--z--\r\n`,
    ['not-a-rejection', 'unsure'],
  ],
  // Unclosed HTML must be read in one pass: a quadratic reading of 800 KB took 55 s, past a Lambda's timeout.
  ['HTML of 160,000 unclosed comments', () => htmlOnly('<!--x'.repeat(160_000), 'comments'), REJECTION],
  ['HTML of 100,000 unclosed scripts', () => htmlOnly('<script'.repeat(100_000), 'scripts'), REJECTION],
  ['HTML of 400,000 tags never closed', () => htmlOnly('<div '.repeat(400_000), 'tags'), REJECTION],
  // A frame that searches the rest of a sentence from each "thanks" must stop somewhere: one
  // sentence of 33,000 of them took ~2 s to read when it did not.
  [
    'one sentence of 33,000 thank-yous',
    () => `${header}\r\nContent-Type: text/plain\r\n\r\n${'merci '.repeat(33_000)}for the interview\r\n`,
    ['not-a-rejection', 'unsure'],
  ],
  ['an empty message', () => '', ['empty']],
  ['headers and nothing else', () => `${header}\r\n\r\n`, ['not-a-rejection', 'unsure', 'empty']],
];

async function deliver(raw: string | Buffer) {
  const { messageId, event } = await storeForSes(raw);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    await inbound.handler(event);
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const record = await deps.web.cases.get(messageId);
  return { ms, growthMb: (peak - rssBefore) / 2 ** 20, record: record!, messageId };
}

describe('hostile messages', () => {
  it.each(hostile)('%s: a recorded outcome in ≤ 2 s and ≤ 256 MB', async (_name, build, outcomes) => {
    const { ms, growthMb, record } = await deliver(build());
    expect(ms).toBeLessThan(2000);
    expect(growthMb).toBeLessThan(256);
    const outcome =
      record.status === 'IGNORED' ? record.reason : record.status === 'AWAITING_APPROVAL' ? 'drafted' : record.status;
    expect(outcomes).toContain(outcome);
  });

  it('refuses a message over the cap before parsing it (TOO_LARGE on AWS)', async () => {
    const { record } = await deliver(`${header}\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(CAP + 10)}`);
    expect(record).toMatchObject({ status: 'IGNORED', reason: 'too-large' });
    expect(record.original).toBeUndefined();
  });

  it('lets only escaped text of an HTML-only rejection reach the draft, the page and the letter', async () => {
    const html = [
      'From: Jo Park <jo.park@acme.example>',
      'Subject: Your application <script>alert(1)</script>',
      'Message-ID: <html-only@acme.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><script>alert("head")</script><style>p{}</style></head><body onload="steal()">',
      '<p>Dear Sam,</p><p>Thank you for interviewing for the <b>Analyst</b> role at Acme. Unfortunately, we have decided not to move forward with your application.</p>',
      '<img src="https://tracker.example/pixel.gif?u=1"><script>document.write("<img src=x onerror=alert(2)>")</script>',
      '<p>&lt;img src=x onerror=alert(3)&gt; Best,<br>Jo Park<br>Acme</p></body></html>',
    ].join('\r\n');
    const before = await outboxCount(t);
    const { record } = await deliver(forwardOf(html));
    expect(record.status).toBe('AWAITING_APPROVAL');
    const [draft] = await outboxSince(t, before);
    // The draft is plain text only: markup from the mail can only ever be read as text, and what
    // scripts, styles and images carried is dropped, not quoted.
    expect(draft!.raw).not.toMatch(/Content-Type: text\/html/i);
    expect(draft!.mail.text).not.toMatch(/alert\("head"\)|document\.write|steal\(\)|tracker\.example|p\{\}/);

    const page = await (await fetch(linkIn(draft!.mail.text, 'Review, edit and send:'))).text();
    expect(page).not.toMatch(/<script|<img|<[^>]*\son(error|load)=/i);
    expect(page).toContain('&lt;img src=x onerror=alert(3)&gt;'); // the text, shown as text
    expect(page).toContain('Your application &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(record.letter!.body).not.toMatch(/<script|<img/i);
  });
});

describe('generated MIME (property)', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9 .,:;@<>="'/\\-]{0,40}$/);
  const headerLine = fc
    .tuple(
      fc.constantFrom(
        'Content-Type',
        'Content-Transfer-Encoding',
        'From',
        'Subject',
        'Content-Disposition',
        'X-Junk',
        'MIME-Version',
      ),
      token,
    )
    .map(([k, v]) => `${k}: ${v}`);
  const part = fc.letrec<{ leaf: string; multi: string; node: string }>((tie) => ({
    leaf: fc
      .tuple(fc.array(headerLine, { maxLength: 4 }), fc.string({ maxLength: 200 }))
      .map(([hs, body]) => `${hs.join('\r\n')}\r\n\r\n${body}`),
    multi: fc
      .tuple(fc.constantFrom('b1', 'b2', '', '"'), fc.array(tie('node'), { maxLength: 4 }))
      .map(
        ([b, kids]) =>
          `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n${kids.map((k) => `--${b}\r\n${k}`).join('\r\n')}\r\n--${b}--`,
      ),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('multi')),
  })).node;

  it('always ends in a recorded decision and never throws out of the handler', async () => {
    await fc.assert(
      fc.asyncProperty(part, fc.boolean(), async (body, withFrom) => {
        const raw = `${withFrom ? `From: ${OWNER}\r\n` : ''}${body}`;
        const { messageId, event } = await storeForSes(raw);
        await expect(inbound.handler(event)).resolves.toBeDefined();
        const record = await deps.web.cases.get(messageId);
        expect(['IGNORED', 'AWAITING_APPROVAL']).toContain(record?.status);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

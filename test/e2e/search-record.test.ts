// The owner's record of their search on the local stack, through real SMTP: every case as CSV,
// from `npx onward export --csv` and from the cases page's signed download alike, read back with
// a CSV library.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  asNewEmail,
  forwardExample,
  forwardRaw,
  OWNER,
  outboxCount,
  outboxSince,
  startTestStack,
  type TestStack,
} from '../support/stack.ts';

const run = promisify(execFile);
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stop();
});

const rows = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

/** `npx onward export …` as the owner runs it, in its own process. */
const exportCli = (...args: string[]) =>
  run(process.execPath, ['bin/onward.mjs', 'export', ...args], {
    env: { ...process.env, ONWARD_DATA_DIR: t.dataDir },
    timeout: 60_000,
  });

/** The href of the cases page's link with this text. */
async function casesLink(text: string): Promise<string> {
  const page = await (await fetch(t.stack.urls.cases)).text();
  const href = new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(page)?.[1];
  if (!href) throw new Error(`no “${text}” link on the cases page`);
  return href.replace(/&amp;/g, '&');
}

describe('exporting the record', () => {
  it('prints every case as CSV from the running stack, the same as the cases page’s download', async () => {
    await forwardExample(t, 'rejection-after-interview.eml');
    await t.stack.invoker.idle();

    const { stdout } = await exportCli('--csv');
    const [header] = stdout.split('\r\n');
    expect(header).toMatch(/^rejected_at,forwarded_at,company,role,contact_name,contact_email,stage,letter,/);
    const cli = rows(stdout);
    expect(cli).toHaveLength(1);
    expect(cli[0]).toMatchObject({
      rejected_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      forwarded_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      company: 'Grainwood, Inc.',
      role: 'Administrative Assistant',
      stage: 'interview',
      letter: 'waiting for you',
      noise: 'false',
    });

    const download = await fetch(new URL(await casesLink('Download all cases \\(CSV\\)'), t.stack.urls.cases));
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="onward-cases-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(rows(await download.text())).toEqual(cli);
  });

  it('says what it needs when the format is missing, and exits 2', async () => {
    const failed = await exportCli().catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: onward export --csv') });
  });
});

describe('forwarding a past rejection to record it', () => {
  it('records it with no letter and no email when the note’s first line is "record"', async () => {
    const before = await outboxCount(t);
    const past = asNewEmail(await readFile('examples/rejection-after-interview.eml', 'utf8')).replace(
      /^Date: .*$/m,
      'Date: Tue, 10 Mar 2026 14:00:00 +0000',
    );
    await forwardRaw(t, past, 'past.eml', OWNER, 'Record\n\nfrom my search last spring');
    await t.stack.invoker.idle();
    expect(await outboxSince(t, before)).toEqual([]);

    const recorded = rows((await exportCli('--csv')).stdout).find((r) => r.reason === 'record-only');
    expect(recorded).toMatchObject({
      rejected_at: '2026-03-10T14:00:00.000Z',
      company: 'Grainwood, Inc.',
      stage: 'interview',
      letter: 'no letter',
      letter_to: '',
      noise: 'false',
    });
    // In the record and the chart, from the month it was written.
    const page = await (await fetch(t.stack.urls.cases)).text();
    expect(page).toContain('<time datetime="2026-03-10T14:00:00.000Z">');
    expect(page).toContain('no letter<br><small>record only</small>');
    expect(page).toMatch(/<title>Mar 2026: 1 rejected after an interview<\/title>/);
  });
});

// The owner's record of their search on the local stack, through real SMTP: every case as CSV,
// from `npx onward export --csv` and from the cases page's signed download alike, read back with
// a CSV library.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsHttp } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseRepository } from '../../lambdas/adapters/dynamo-cases.ts';
import { LOCAL_AWS } from '../../lambdas/local/emulators.ts';
import { BUCKET, PREFIX } from '../../lambdas/local/stack.ts';
import { TABLE } from '../../lambdas/local/data.ts';
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

describe('deleting the owner’s data', () => {
  // The stack runs in this process: its emulators are where process.env says.
  const s3 = () => new S3Client({ endpoint: process.env.AWS_ENDPOINT_URL_S3, forcePathStyle: true, ...LOCAL_AWS });
  const table = () => dynamoCaseRepository(awsHttp('dynamodb', process.env), TABLE);
  const rawMailOf = (id: string) =>
    s3()
      .send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${id}` }))
      .then(
        () => 'there',
        (e: { $metadata?: { httpStatusCode?: number } }) => (e.$metadata?.httpStatusCode === 404 ? 'gone' : e),
      );
  const href = (html: string, text: string) =>
    new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(html)?.[1]?.replace(/&amp;/g, '&');
  const action = (html: string) => /<form method="post" action="([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const post = (url: string, form: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

  it('"Delete this case" takes the item from the table and the raw mail from the bucket', async () => {
    await forwardExample(t, 'ats-no-reply-rejection.eml');
    await t.stack.invoker.idle();
    const [newest] = rows((await exportCli('--csv')).stdout);
    const id = newest!.case_id!;
    expect(await rawMailOf(id)).toBe('there');
    expect(await table().get(id)).not.toBeNull();

    // From the cases page to the case's page, to the page that asks, to the POST that deletes.
    const list = await (await fetch(t.stack.urls.cases)).text();
    const casePage = await (await fetch(new URL(href(list, newest!.company!)!, t.stack.urls.cases))).text();
    const ask = await (await fetch(href(casePage, 'Delete this case…')!)).text();
    expect(await table().get(id)).not.toBeNull();
    const done = await post(action(ask)!);
    expect(done.status).toBe(200);

    expect(await table().get(id)).toBeNull();
    expect(await rawMailOf(id)).toBe('gone');
    expect(rows((await exportCli('--csv')).stdout).map((r) => r.case_id)).not.toContain(id);
  });

  it('"Delete everything", with the phrase typed, empties the table and the bucket', async () => {
    const list = await (await fetch(t.stack.urls.cases)).text();
    const ask = await (await fetch(href(list, 'Delete everything…')!)).text();
    expect((await post(action(ask)!, { confirm: 'yes' })).status).toBe(422);
    expect((await table().list()).length).toBeGreaterThan(0);

    expect((await post(action(ask)!, { confirm: 'delete everything' })).status).toBe(200);
    expect(await table().list()).toEqual([]);
    const left = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
    expect(left.Contents ?? []).toEqual([]);
    expect((await exportCli('--csv')).stdout.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

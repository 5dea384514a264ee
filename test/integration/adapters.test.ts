// The adapters against their emulators: dynalite, s3rver, aws-ses-v2-local.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { awsHttp, type AwsHttp } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseEraser, dynamoCaseRepository, dynamoReplyLookup } from '../../lambdas/adapters/dynamo-cases.ts';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { s3RawMailStore } from '../../lambdas/adapters/s3-raw-mail.ts';
import { sesMailer } from '../../lambdas/adapters/ses-mailer.ts';
import { type Case, originalFingerprints } from '../../lambdas/core/case/index.ts';
import { LOCAL_AWS, ensureTable } from '../../lambdas/local/emulators.ts';

const emulators = inject('emulators');
const { region, credentials } = LOCAL_AWS;
// What the local stack sets for the handlers: the adapters read nothing else.
const env = {
  AWS_REGION: region,
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamodb,
  AWS_ENDPOINT_URL_S3: emulators.s3,
  AWS_ENDPOINT_URL_SES: emulators.ses,
};

describe('DynamoDB cases (dynalite)', () => {
  const table = `cases-${Date.now()}`;
  const repo = {
    ...dynamoCaseRepository(awsHttp('dynamodb', env), table),
    ...dynamoCaseEraser(awsHttp('dynamodb', env), table),
    ...dynamoReplyLookup(awsHttp('dynamodb', env), table),
  };
  const base = (id: string, receivedAt: string): Case => ({
    id,
    status: 'RECEIVED',
    receivedAt,
    updatedAt: receivedAt,
  });

  beforeAll(() => ensureTable(emulators.dynamodb, table));

  it('creates a case once', async () => {
    expect(await repo.create(base('a', '2026-11-01T00:00:00Z'))).toBe(true);
    expect(await repo.create({ ...base('a', '2026-11-01T00:00:00Z'), status: 'SENT' })).toBe(false);
    expect(await repo.get('a')).toMatchObject({ id: 'a', status: 'RECEIVED' });
    expect(await repo.get('missing')).toBeNull();
  });

  it('changes status only from an expected status, once under contention', async () => {
    await repo.create(base('b', '2026-11-02T00:00:00Z'));
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => repo.transition('b', ['RECEIVED'], 'DRAFTED', { reason: undefined })),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await repo.transition('b', ['RECEIVED'], 'IGNORED', {})).toBeNull();
    expect(await repo.transition('nope', ['RECEIVED'], 'IGNORED', {})).toBeNull();
  });

  it('writes and removes fields', async () => {
    await repo.create(base('c', '2026-11-03T00:00:00Z'));
    await repo.transition('c', ['RECEIVED'], 'IGNORED', { reason: 'unsure', ownerNotified: false });
    const done = await repo.update('c', 'IGNORED', { ownerNotified: true, reason: undefined });
    expect(done).toMatchObject({ status: 'IGNORED', ownerNotified: true });
    expect(done).not.toHaveProperty('reason');
    expect(done).not.toHaveProperty('listed');
    const cleared = await repo.update('c', 'IGNORED', {
      ownerNotified: undefined,
      failure: undefined,
      duplicateOf: 'a',
    });
    expect(cleared).toMatchObject({ duplicateOf: 'a' });
    expect(cleared).not.toHaveProperty('ownerNotified');
  });

  it('lists newest first, and by status', async () => {
    const all = await repo.list();
    expect(all.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect((await repo.list({ status: 'DRAFTED' })).map((c) => c.id)).toEqual(['b']);
  });

  it('follows pages: a query answers at most 1 MB at a time', async () => {
    const paged = `cases-paged-${Date.now()}`;
    await ensureTable(emulators.dynamodb, paged);
    const dynamodb = awsHttp('dynamodb', env);
    let queries = 0;
    // Each Query's Limit, and how many items its page held.
    const pages: { limit?: number; items: number }[] = [];
    const counting: AwsHttp = {
      send(request, read) {
        if (request.headers?.['x-amz-target'] !== 'DynamoDB_20120810.Query') return dynamodb.send(request, read);
        queries += 1;
        const { Limit } = JSON.parse(String(request.body)) as { Limit?: number };
        return dynamodb.send(request, async (response) => {
          const { Items } = (await response.clone().json()) as { Items?: unknown[] };
          pages.push({ limit: Limit, items: Items?.length ?? 0 });
          return read(response);
        });
      },
    };
    const pagedRepo = { ...dynamoCaseRepository(counting, paged), ...dynamoReplyLookup(counting, paged) };
    // Five items of ~300 KB make at least two pages.
    for (let i = 0; i < 5; i++) {
      await pagedRepo.create({
        ...base(`p${i}`, `2026-11-0${i + 1}T00:00:00Z`),
        replyRef: `ref${i}`,
        failure: 'x'.repeat(300_000),
      });
    }
    // A reply finds its case on whichever page it is.
    expect(await pagedRepo.findByReplyRef('ref4')).toMatchObject({ id: 'p4', replyRef: 'ref4' });
    expect(await pagedRepo.findByReplyRef('ref0')).toMatchObject({ id: 'p0' });
    expect(await pagedRepo.findByReplyRef('nope')).toBeNull();
    queries = 0;
    expect((await pagedRepo.list()).map((c) => c.id)).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect(queries).toBeGreaterThan(1);
    expect((await pagedRepo.list({ limit: 2 })).map((c) => c.id)).toEqual(['p4', 'p3']);
    // Each page asks only for what is still missing: the first ends at its megabyte, short of
    // five of these, and the next asks for the rest.
    pages.length = 0;
    expect((await pagedRepo.list({ limit: 5 })).map((c) => c.id)).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.limit).toBe(5);
    expect(pages[0]!.items).toBeLessThan(5);
    expect(pages[1]!.limit).toBe(5 - pages[0]!.items);
  });

  it('names one case per email: the first claim holds it, a later one hears who does, and it passes only from its holder', async () => {
    const fingerprint = `fp-${Date.now()}`;
    expect(await repo.claimOriginal(fingerprint, 'first')).toBe('first');
    expect(await repo.claimOriginal(fingerprint, 'second')).toBe('first');
    expect(await repo.passOriginal(fingerprint, 'someone-else', 'second')).toBe(false);
    expect(await repo.passOriginal(fingerprint, 'first', 'second')).toBe(true);
    expect(await repo.claimOriginal(fingerprint, 'third')).toBe('second');
    // Never listed among the cases.
    expect((await repo.list()).some((c) => c.id.startsWith('original#'))).toBe(false);
  });

  it('removes a case, only from the statuses given, with the claims on its email it holds — not another case’s', async () => {
    const original = {
      style: 'attachment' as const,
      from: { name: null, address: `kim-${Date.now()}@marlow.example` },
      subject: 'Your interview',
      date: null,
      messageId: `<${Date.now()}@marlow.example>`,
      references: null,
      excerpt: 'Dear Sam',
    };
    const keys = originalFingerprints(original);
    const record = { ...base('gone', '2026-11-20T00:00:00Z'), status: 'SENT' as const, original };
    await repo.create(record);
    await repo.claimOriginal(keys.id!, 'gone');
    await repo.claimOriginal(keys.text, 'other');
    // A status not given (SENDING: a letter may be leaving) keeps it.
    expect(await repo.remove(record, ['AWAITING_APPROVAL'])).toBe(false);
    expect(await repo.get('gone')).toMatchObject({ status: 'SENT' });
    expect(await repo.remove(record, ['SENT', 'IGNORED'])).toBe(true);
    expect(await repo.get('gone')).toBeNull();
    expect((await repo.list()).some((c) => c.id === 'gone')).toBe(false);
    // Its claim went with it (a new case now takes the email); another case's claim stayed.
    expect(await repo.claimOriginal(keys.id!, 'next')).toBe('next');
    expect(await repo.claimOriginal(keys.text, 'next')).toBe('other');
    expect(await repo.remove(record, ['SENT'])).toBe(false);
  });

  it('claims a notice once: the first case holds it, later ones hear who does; never listed', async () => {
    const key = `not-aligned#${Date.now()}`;
    expect(await repo.claimNotice(key, 'first', 1_900_000_000)).toBe('first');
    expect(await repo.claimNotice(key, 'second', 1_900_000_000)).toBe('first');
    // A replay of the holder still holds it.
    expect(await repo.claimNotice(key, 'first', 1_900_000_000)).toBe('first');
    expect((await repo.list()).some((c) => c.id.startsWith('notice#'))).toBe(false);
  });

  it('keeps one owner verdict per email template: one keyed read finds it, the latest word wins, never listed', async () => {
    const fingerprint = `tpl-${Date.now()}`;
    const dynamodb = awsHttp('dynamodb', env);
    const targets: string[] = [];
    const counting: AwsHttp = {
      send(request, read) {
        targets.push(String(request.headers?.['x-amz-target']));
        return dynamodb.send(request, read);
      },
    };
    const counted = dynamoCaseRepository(counting, table);
    expect(await counted.templateLabel(fingerprint)).toBeNull();
    const said = (label: 'rejection' | 'not_rejection', day: string) =>
      ({ label, at: `2026-12-${day}T10:00:00.000Z`, how: 'page', caseId: `case-${day}` }) as const;
    await repo.labelTemplate(fingerprint, said('not_rejection', '03'));
    expect(await counted.templateLabel(fingerprint)).toEqual(said('not_rejection', '03'));
    expect(targets).toEqual(['DynamoDB_20120810.GetItem', 'DynamoDB_20120810.GetItem']);
    // An earlier verdict written late does not undo a later one; a later one does.
    await repo.labelTemplate(fingerprint, said('rejection', '02'));
    expect(await repo.templateLabel(fingerprint)).toEqual(said('not_rejection', '03'));
    await repo.labelTemplate(fingerprint, said('rejection', '04'));
    expect(await repo.templateLabel(fingerprint)).toEqual(said('rejection', '04'));
    // Written at once, in any order: the latest stands.
    const days = ['09', '05', '08', '06', '07'];
    await Promise.all(days.map((d) => repo.labelTemplate(fingerprint, said('not_rejection', d))));
    expect(await repo.templateLabel(fingerprint)).toEqual(said('not_rejection', '09'));
    expect((await repo.list()).some((c) => c.id.startsWith('template#'))).toBe(false);
    expect(await repo.templateLabel(`${fingerprint}-other`)).toBeNull();
  });

  it('forgets every template verdict at once, and nothing else', async () => {
    const said = { label: 'not_rejection', at: '2026-12-02T10:00:00.000Z', how: 'reply', caseId: 'kept' } as const;
    for (const n of [1, 2, 3]) await repo.labelTemplate(`forget-${n}`, said);
    await repo.create(base('kept', '2026-10-02T00:00:00Z'));
    expect(await repo.claimOriginal('forget-original', 'kept')).toBe('kept');
    expect(await repo.forgetTemplates()).toBeGreaterThanOrEqual(3);
    for (const n of [1, 2, 3]) expect(await repo.templateLabel(`forget-${n}`)).toBeNull();
    expect(await repo.forgetTemplates()).toBe(0);
    expect((await repo.get('kept'))?.id).toBe('kept');
    expect(await repo.claimOriginal('forget-original', 'other')).toBe('kept');
  });

  it('keeps the owner’s label on a case through its writes', async () => {
    await repo.create(base('labelled', '2026-10-01T00:00:00Z'));
    await repo.transition('labelled', ['RECEIVED'], 'DRAFTED', {});
    await repo.transition('labelled', ['DRAFTED'], 'AWAITING_APPROVAL', {});
    const ownerLabel = { label: 'not_rejection', at: '2026-12-03T10:00:00.000Z', how: 'reply' } as const;
    expect(
      await repo.transition('labelled', ['AWAITING_APPROVAL'], 'DISCARDED', {
        discardedFrom: 'AWAITING_APPROVAL',
        ownerLabel,
      }),
    ).toMatchObject({ status: 'DISCARDED', ownerLabel });
    expect(await repo.get('labelled')).toMatchObject({ ownerLabel });
  });

  it('moves a follow-up only from an expected status and round, once under contention', async () => {
    const at = '2026-11-05T00:00:00Z';
    await repo.create({ ...base('f', at), status: 'SENT', followUp: { status: 'SCHEDULED', round: 1, since: at, at } });
    const letter = {
      to: 'jo@acme.example',
      toName: null,
      subject: 'Re: x',
      body: 'Dear Jo,',
      inReplyTo: null,
      references: null,
    };
    await repo.transitionFollowUp('f', 1, ['SCHEDULED'], 'AWAITING_APPROVAL', { letter, replyRef: 'fref', at });
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => repo.transitionFollowUp('f', 1, ['AWAITING_APPROVAL'], 'SENDING', { at })),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Another round, or another case status, is refused.
    expect(await repo.transitionFollowUp('f', 2, ['SENDING'], 'SENT', {})).toBeNull();
    const sent = await repo.transitionFollowUp('f', 1, ['SENDING'], 'SENT', { sentAt: at, replyRef: undefined });
    // Only the follow-up's own fields change; the case stays SENT with its thank-you.
    expect(sent).toMatchObject({ id: 'f', status: 'SENT', followUp: { status: 'SENT', round: 1, letter, sentAt: at } });
    expect(sent!.followUp!.replyRef).toBeUndefined();
    expect(await repo.transitionFollowUp('nope', 1, ['SENT'], 'SCHEDULED', {})).toBeNull();
  });

  it('finds a case by its follow-up’s reply reference, and keeps the switch for all follow-ups', async () => {
    const at = '2026-11-06T00:00:00Z';
    await repo.create({
      ...base('g', at),
      status: 'SENT',
      replyRef: 'thanks-ref',
      followUp: { status: 'AWAITING_APPROVAL', round: 1, since: at, at, replyRef: 'follow-ref' },
    });
    expect((await repo.findByReplyRef('follow-ref'))?.id).toBe('g');
    expect((await repo.findByReplyRef('thanks-ref'))?.id).toBe('g');
    expect(await repo.followUpsOn()).toBe(true);
    await repo.switchFollowUps(false, at);
    expect(await repo.followUpsOn()).toBe(false);
    // The switch is no case.
    expect((await repo.list()).map((c) => c.id)).not.toContain('switch#follow-ups');
    await repo.switchFollowUps(true, at);
    expect(await repo.followUpsOn()).toBe(true);
  });

  it('reports a missing table as an error, not as a missing case or a lost race', async () => {
    const other = dynamoCaseRepository(awsHttp('dynamodb', env), 'no-such-table');
    await expect(other.get('a')).rejects.toThrow();
    await expect(other.transition('a', ['RECEIVED'], 'IGNORED', {})).rejects.toThrow();
    await expect(other.create(base('a', '2026-11-01T00:00:00Z'))).rejects.toThrow();
    await expect(other.claimOriginal('fp', 'a')).rejects.toThrow();
    await expect(other.passOriginal('fp', 'a', 'b')).rejects.toThrow();
  });

  it('keeps a case with fields left undefined, and moves a case from any of several states', async () => {
    expect(await repo.create({ ...base('u', '2026-10-01T00:00:00Z'), reason: undefined, letter: undefined })).toBe(
      true,
    );
    await repo.transition('u', ['RECEIVED'], 'DRAFTED', {});
    expect(await repo.transition('u', ['DRAFTED'], 'AWAITING_APPROVAL', {})).toMatchObject({
      status: 'AWAITING_APPROVAL',
    });
    expect(await repo.transition('u', ['AWAITING_APPROVAL', 'SEND_FAILED'], 'SENDING', {})).toMatchObject({
      status: 'SENDING',
    });
    expect(await repo.transition('u', ['AWAITING_APPROVAL', 'SEND_FAILED'], 'SENDING', {})).toBeNull();
  });

  it('writes a move as drawn even when the changes name the case’s id, status or time', async () => {
    await repo.create(base('v', '2026-10-02T00:00:00Z'));
    const moved = await repo.transition('v', ['RECEIVED'], 'IGNORED', {
      id: 'other',
      status: 'SENT',
      updatedAt: '2000-01-01T00:00:00Z',
      reason: 'unsure',
    });
    expect(moved).toMatchObject({ id: 'v', status: 'IGNORED', reason: 'unsure' });
    expect(moved!.updatedAt).not.toBe('2000-01-01T00:00:00Z');
    expect(await repo.get('other')).toBeNull();
  });

  it('reports its own write as done even when another write follows at once', async () => {
    const dynamodb = awsHttp('dynamodb', env);
    let before: (() => Promise<unknown>) | null = null;
    // Another writer gets in just before any read this repository makes.
    const racing: AwsHttp = {
      async send(request, read) {
        const next = before;
        if (request.headers?.['x-amz-target'] === 'DynamoDB_20120810.GetItem' && next) {
          before = null;
          await next();
        }
        return dynamodb.send(request, read);
      },
    };
    const raced = dynamoCaseRepository(racing, table);
    await repo.create(base('w', '2026-10-03T00:00:00Z'));
    before = () => repo.update('w', 'DRAFTED', { ownerNotified: true });
    expect(await raced.transition('w', ['RECEIVED'], 'DRAFTED', {})).toMatchObject({ id: 'w', status: 'DRAFTED' });
    const fingerprint = `fp-race-${Date.now()}`;
    before = () => repo.passOriginal(fingerprint, 'w', 'x');
    expect(await raced.claimOriginal(fingerprint, 'w')).toBe('w');
  });

  it('creates its table idempotently', async () => {
    await expect(ensureTable(emulators.dynamodb, table)).resolves.toBeUndefined();
    await expect(
      new DynamoDBClient({ endpoint: emulators.dynamodb, region, credentials }).send(
        new CreateTableCommand({
          TableName: table,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      ),
    ).rejects.toThrow();
  });
});

describe('raw mail in S3 (s3rver)', () => {
  const s3 = new S3Client({ endpoint: emulators.s3, forcePathStyle: true, region, credentials });
  const store = s3RawMailStore(awsHttp('s3', env), emulators.bucket, { pathStyle: true });

  it('reads a stored message, and refuses one over the cap without reading it', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: emulators.bucket, Key: 'inbound/one', Body: 'Subject: hi\r\n\r\nbody' }),
    );
    const small = await store.read('inbound/one', 1000);
    expect(small.tooLarge).toBe(false);
    if (!small.tooLarge) expect(Buffer.from(small.bytes).toString()).toContain('Subject: hi');
    expect(await store.read('inbound/one', 5)).toEqual({ tooLarge: true, size: 19 });
  });

  it('fails loudly for a missing key', async () => {
    await expect(store.read('inbound/missing', 1000)).rejects.toThrow();
  });

  it('deletes a stored message, and a missing one without complaint', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: emulators.bucket, Key: 'inbound/to-delete', Body: 'Subject: x\r\n\r\nx' }),
    );
    await store.delete('inbound/to-delete');
    await expect(store.read('inbound/to-delete', 1000)).rejects.toThrow(/key does not exist/);
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: emulators.bucket, Key: 'inbound/to-delete' })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await store.delete('inbound/never-there');
  });

  it('stores a pasted rejection as UTF-8 text, which it then reads back byte for byte', async () => {
    const text = 'Dear Sam,\n\nWe’ve decided not to move forward — thank you.\n\nZoë';
    await store.write('inbound/paste-00000000-0000-4000-8000-000000000001', text);
    const read = await store.read('inbound/paste-00000000-0000-4000-8000-000000000001', 1000);
    expect(read.tooLarge).toBe(false);
    if (!read.tooLarge) expect(new TextDecoder().decode(read.bytes)).toBe(text);
  });
});

describe('SES mailer (aws-ses-v2-local)', () => {
  const mailer = sesMailer(awsHttp('ses', env));

  it('sends a threaded plain-text letter that the outbox shows', async () => {
    const subject = `Re: Your application ${Date.now()}`;
    const id = await mailer.send({
      from: { name: 'Sam Rivera', address: 'letters@onward.test' },
      to: { name: 'Sandra Ing', address: 'sandra@grainwood.example' },
      replyTo: 'me@example.com',
      subject,
      text: 'Dear Sandra Ing,\n\nThank you — truly.\n\nSam Rivera',
      inReplyTo: '<orig@grainwood.example>',
      references: '<orig@grainwood.example>',
    });
    expect(id).toBeTruthy();
    const store = (await (await fetch(`${emulators.ses}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] }; body: { text: string } }[];
    };
    const shown = store.emails.find((e) => e.subject === subject);
    expect(shown?.destination.to[0]).toContain('sandra@grainwood.example');
    expect(shown?.body.text).toContain('Thank you — truly.');
    const files = await readdir(emulators.outboxDir);
    const raws = await Promise.all(files.map((f) => readFile(path.join(emulators.outboxDir, f), 'utf8')));
    const raw = raws.find((r) => r.includes(subject))!;
    expect(raw).toMatch(/^In-Reply-To: <orig@grainwood\.example>/m);
    expect(raw).toMatch(/^References: <orig@grainwood\.example>/m);
    expect(raw).toMatch(/^Reply-To: me@example\.com/m);
    expect(raw).not.toMatch(/^Auto-Submitted/m);
  });

  it('marks onward’s own notices as automatic', async () => {
    const subject = `Draft ${Date.now()}`;
    await mailer.send({
      from: { name: 'onward', address: 'letters@onward.test' },
      to: { name: null, address: 'me@example.com' },
      subject,
      text: 'x',
      automatic: true,
    });
    const files = await readdir(emulators.outboxDir);
    const raws = await Promise.all(files.map((f) => readFile(path.join(emulators.outboxDir, f), 'utf8')));
    expect(raws.find((r) => r.includes(subject))).toMatch(/^Auto-Submitted: auto-generated/m);
  });
});

describe('MIME parsing (postal-mime)', () => {
  it('parses a forward-as-attachment one level deep', async () => {
    const raw = [
      'From: Sam <me@example.com>',
      'To: inbox@onward.test',
      'Subject: Fwd: Your application',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'see attached',
      '--b1',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="orig.eml"',
      '',
      'From: Jane Roe <jane@acme.test>',
      'Subject: Your application',
      'Message-ID: <orig@acme.test>',
      'Content-Type: text/plain',
      '',
      'We have decided not to move forward.',
      '--b1--',
      '',
    ].join('\r\n');
    const mail = await parseMime(raw);
    expect(mail.from).toEqual([{ name: 'Sam', address: 'me@example.com' }]);
    expect(mail.attached).toMatchObject({
      messageId: '<orig@acme.test>',
      subject: 'Your application',
      from: [{ address: 'jane@acme.test' }],
    });
    expect(mail.attached!.text).toContain('not to move forward');
  });

  it('sees every From header, and reduces HTML-only mail to text without scripts', async () => {
    const raw =
      'From: a@example.com\r\nFrom: b@example.com\r\nContent-Type: text/html\r\n\r\n<p>Hello&nbsp;<b>there</b></p><script>alert(1)</script><img src="http://x/y.gif">';
    const mail = await parseMime(raw);
    expect(mail.from.map((f) => f.address)).toEqual(['a@example.com', 'b@example.com']);
    expect(mail.text).toBe('Hello there');
  });

  it('decodes the named references HTML-only mail writes, beyond the handful every table has', async () => {
    const html =
      '<p>Best regards,<br>J&uuml;rgen M&uuml;ller<br>Br&auml;ndli &amp; S&ouml;hne &ndash; &euro;5&nbsp;&trade; &rarr; &#x1F600; &Bopf;</p>';
    const mail = await parseMime(`From: a@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
    expect(mail.text).toBe('Best regards,\nJürgen Müller\nBrändli & Söhne – €5 ™ → 😀 &Bopf;');
  });

  it('refuses absurd nesting', async () => {
    const depth = 40;
    const open = Array.from(
      { length: depth },
      (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`,
    ).join('');
    await expect(parseMime(`From: a@example.com\r\n${open}Content-Type: text/plain\r\n\r\nx`)).rejects.toThrow();
  });
});

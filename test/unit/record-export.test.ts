// The owner's record as CSV: parsed back with a CSV library, as a spreadsheet would read it —
// a header row, one case a line, ISO dates, awkward text intact, formulas neutralised — and the
// download is a signed GET that changes nothing.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { linkFor } from '../../lambdas/core/links/index.ts';
import { casesCsv, csvField, isNoise } from '../../lambdas/core/record/index.ts';
import type { WebDeps } from '../../lambdas/web/routes.ts';
import {
  fixedClock,
  memoryCases,
  testSigner,
  webDefaults,
  owner,
  recordingMailer,
  silentLog,
  siteCall,
} from '../support/fakes.ts';

const base = (id: string, extra: Partial<Case> = {}): Case => ({
  id,
  status: 'SENT',
  receivedAt: '2026-11-20T09:15:00.000Z',
  updatedAt: '2026-11-20T09:15:00.000Z',
  ...extra,
});

const original = (date: string | null) => ({
  style: 'attachment' as const,
  from: { name: 'Kim', address: 'kim@marlow.example' },
  subject: 'Your application',
  date,
  messageId: null,
  references: null,
  excerpt: '',
});

const extraction = (fields: Record<string, unknown>) =>
  ({
    company: null,
    role: null,
    department: null,
    contactName: null,
    contactEmail: null,
    agency: null,
    stage: null,
    interviewed: null,
    noReplySender: false,
    candidates: [],
    ...fields,
  }) as Case['extraction'];

const rows = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('the CSV export', () => {
  it('has a header row and one case a line, which a CSV library reads back field for field', () => {
    const csv = casesCsv([
      base('c1', {
        original: original('2026-11-19T16:31:00.000Z'),
        extraction: extraction({
          company: 'Acme, Inc.',
          role: 'Data "Platform" Engineer',
          contactName: 'Zoë Łukasz',
          contactEmail: 'zoe@acme.example',
          stage: 'interview',
        }),
        letter: {
          to: 'zoe@acme.example',
          toName: null,
          subject: 'Re: x',
          body: 'Dear Zoë,\nthanks',
          inReplyTo: null,
          references: null,
        },
        sentAt: '2026-11-20T10:00:00.000Z',
      }),
      base('c2', {
        status: 'IGNORED',
        reason: 'no-letter-suggested',
        original: original('Fri, Feb 27, 2026 at 4:31 PM'),
        extraction: extraction({ company: 'Grainwood\nLtd', stage: 'application' }),
      }),
    ]);
    expect(csv.split('\r\n')[0]).toBe(
      'rejected_at,forwarded_at,company,role,contact_name,contact_email,stage,letter,letter_to,sent_at,next_follow_up,status,reason,noise,case_id',
    );
    const [sent, recorded] = rows(csv);
    expect(rows(csv)).toHaveLength(2);
    expect(sent).toMatchObject({
      rejected_at: '2026-11-19T16:31:00.000Z',
      forwarded_at: '2026-11-20T09:15:00.000Z',
      company: 'Acme, Inc.',
      role: 'Data "Platform" Engineer',
      contact_name: 'Zoë Łukasz',
      stage: 'interview',
      letter: 'sent',
      letter_to: 'zoe@acme.example',
      sent_at: '2026-11-20T10:00:00.000Z',
      next_follow_up: '',
      status: 'SENT',
      noise: 'false',
      case_id: 'c1',
    });
    // An inline forward's date names no zone: the wall-clock time as written, ISO without an offset.
    expect(recorded).toMatchObject({
      rejected_at: '2026-02-27T16:31',
      company: 'Grainwood\nLtd',
      stage: 'application',
      letter: 'no letter',
      reason: 'no-letter-suggested',
    });
  });

  it('gives when each follow-up is due: by the setting for a scheduled one, none once it left', () => {
    const since = '2026-10-01T12:00:00.000Z';
    const followUp = (status: 'SCHEDULED' | 'AWAITING_APPROVAL' | 'SENT') =>
      base(status, { status: 'SENT', followUp: { status, round: 1, since, at: '2026-11-27T08:00:00.000Z' } });
    const cases = [followUp('SCHEDULED'), followUp('AWAITING_APPROVAL'), followUp('SENT')];
    expect(rows(casesCsv(cases, 56)).map((r) => r.next_follow_up)).toEqual([
      '2026-11-26T12:00:00.000Z',
      '2026-11-27T08:00:00.000Z',
      '',
    ]);
    expect(rows(casesCsv(cases, 0))[0]!.next_follow_up).toBe(since);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and keeps the text after it', () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1 555 0100', '-2+3', '@SUM(A1:A9)', '\t=1'];
    const csv = casesCsv(hostile.map((company, i) => base(`c${i}`, { extraction: extraction({ company }) })));
    const companies = rows(csv).map((r) => r.company);
    expect(companies).toEqual(hostile.map((h) => `'${h}`));
    for (const cell of companies) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Text that merely contains such a sign is left alone.
    expect(csvField('Smith-Jones = great')).toBe('Smith-Jones = great');
  });

  it('leaves a date it cannot read empty rather than guess the day', () => {
    const [row] = rows(casesCsv([base('c1', { original: original('27/02/2026 16:31') })]));
    expect(row!.rejected_at).toBe('');
  });

  it('marks noise (duplicates, strangers, onward’s own mail) without dropping it', () => {
    const noise = ['duplicate', 'not-allowed', 'own-mail', 'owner-reply'] as const;
    for (const reason of noise) expect(isNoise(base('n', { status: 'IGNORED', reason }))).toBe(true);
    for (const reason of ['not-a-rejection', 'unsure', 'no-letter-suggested'] as const)
      expect(isNoise(base('o', { status: 'IGNORED', reason }))).toBe(false);
    expect(isNoise(base('s'))).toBe(false);
    const parsed = rows(casesCsv([base('d', { status: 'IGNORED', reason: 'duplicate' })]));
    expect(parsed[0]).toMatchObject({ noise: 'true', reason: 'duplicate' });
  });
});

describe('the CSV download', () => {
  const NOW = Date.parse('2026-12-03T10:00:00.000Z') / 1000;
  function setup() {
    const cases = memoryCases();
    cases.items.set('c1', base('c1', { extraction: extraction({ company: 'Acme' }) }));
    const deps: WebDeps = {
      cases,
      mailer: recordingMailer(),
      clock: fixedClock('2026-12-03T10:00:00.000Z'),
      log: silentLog(),
      owner,
      signer: testSigner(NOW),
      ...webDefaults,
    };
    const call = siteCall(deps);
    return { deps, call };
  }

  it('is linked from the cases page, signed, and answers a GET with the CSV as a file', async () => {
    const { deps, call } = setup();
    const page = await call('GET', linkFor(deps.signer, '*', 'cases'));
    const href = /<a href="([^"]+)" download>Download all cases \(CSV\)<\/a>/.exec(page.body)?.[1];
    expect(href).toBe(linkFor(deps.signer, '*', 'export'));
    const answer = await call('GET', href!);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="onward-cases-2026-12-03.csv"');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(rows(answer.body).map((r) => r.company)).toEqual(['Acme']);
  });

  it('refuses a link that is not signed, and does nothing on a POST', async () => {
    const { deps, call } = setup();
    const good = linkFor(deps.signer, '*', 'export');
    expect((await call('GET', `${good.slice(0, -2)}xx`)).statusCode).toBe(403);
    // A link for another action cannot be turned into an export by renaming it.
    expect((await call('GET', linkFor(deps.signer, '*', 'cases').replace('.cases.', '.export.'))).statusCode).toBe(403);
    expect((await call('POST', good)).statusCode).toBe(405);
  });
});

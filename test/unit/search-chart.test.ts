// The chart at the top of the cases page, counted from months of seeded cases of every stage —
// and drawn as inline SVG the page's CSP allows: no script, no style attribute.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import type { Stage } from '../../lambdas/core/extract/index.ts';
import { searchChart } from '../../lambdas/core/record/index.ts';
import { PAGE_HEADERS } from '../../lambdas/web/pages/layout.ts';
import { casesPage } from '../../lambdas/web/pages/other-pages.ts';
import { searchChartSection } from '../../lambdas/web/pages/search-chart.ts';

let n = 0;
/** A rejection the recruiter wrote at `date`, forwarded at `forwarded` (the same moment by default). */
function rejection(date: string | null, stage: Stage | null, extra: Partial<Case> = {}): Case {
  n += 1;
  const at = date?.endsWith('Z') ? date : '2026-12-01T09:00:00.000Z';
  return {
    id: `c${n}`,
    status: 'AWAITING_APPROVAL',
    receivedAt: at,
    updatedAt: at,
    original: { style: 'attachment', from: null, subject: 's', date, messageId: null, references: null, excerpt: '' },
    classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection', reasons: [] },
    extraction: { stage } as Case['extraction'],
    ...extra,
  };
}
const sent = (date: string, stage: Stage, sentAt: string) => rejection(date, stage, { status: 'SENT', sentAt });

/** Eight months of a search, June to December 2026: every stage, letters sent, and what must not count. */
function months(): Case[] {
  return [
    // June: two after the application, one after a test.
    rejection('2026-06-03T10:00:00.000Z', 'application'),
    rejection('2026-06-17T10:00:00.000Z', 'application'),
    rejection('2026-06-25T10:00:00.000Z', 'test'),
    // July: an interview, thanked in August, followed up in November.
    {
      ...sent('2026-07-09T10:00:00.000Z', 'interview', '2026-08-02T08:00:00.000Z'),
      followUp: {
        status: 'SENT',
        round: 1,
        since: '2026-08-02T08:00:00.000Z',
        at: '2026-11-20T09:00:00.000Z',
        sentAt: '2026-11-20T09:00:00.000Z',
      },
    },
    // September: one whose stage the email did not say; one from an inline forward, dated as written.
    rejection('2026-09-10T10:00:00.000Z', null),
    rejection('Tue, Sep 22, 2026 at 4:31 PM', 'application'),
    // October: two interviews, one test; letters sent for two of them.
    sent('2026-10-01T10:00:00.000Z', 'interview', '2026-10-02T10:00:00.000Z'),
    sent('2026-10-14T10:00:00.000Z', 'interview', '2026-10-15T10:00:00.000Z'),
    rejection('2026-10-20T10:00:00.000Z', 'test'),
    // November: one recorded without a letter (form mail), forwarded in December.
    rejection('2026-11-05T10:00:00.000Z', 'application', {
      status: 'IGNORED',
      reason: 'no-letter-suggested',
      receivedAt: '2026-12-01T10:00:00.000Z',
    }),
    // None of these count: noise, mail that is not a rejection, one the owner said is none.
    rejection('2026-10-01T10:00:00.000Z', 'interview', { status: 'IGNORED', reason: 'duplicate' }),
    rejection('2026-10-01T10:00:00.000Z', 'interview', { status: 'IGNORED', reason: 'not-allowed' }),
    rejection('2026-11-01T10:00:00.000Z', 'application', {
      status: 'IGNORED',
      reason: 'not-a-rejection',
      classification: { verdict: 'not_rejection', confidence: 0.9, kind: 'interview-invite', reasons: [] },
    }),
    rejection('2026-11-02T10:00:00.000Z', 'application', {
      status: 'DISCARDED',
      ownerLabel: { label: 'not_rejection', at: '2026-11-03T10:00:00.000Z', how: 'page' },
    }),
  ];
}

const counts = (
  application: number,
  test: number,
  interview: number,
  unstated: number,
  sentLetters: number,
  followUps = 0,
) => ({
  application,
  test,
  interview,
  unstated,
  sent: sentLetters,
  'follow-ups': followUps,
});

describe('the chart of the search', () => {
  it('counts months of rejections by the stage reached, and letters and follow-ups sent, by month', () => {
    const chart = searchChart(months(), '2026-12-02', 'UTC')!;
    expect(chart.period).toBe('month');
    expect(chart.periods.map((p) => p.start)).toEqual([
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    expect(chart.periods.map((p) => p.counts)).toEqual([
      counts(2, 1, 0, 0, 0),
      counts(0, 0, 1, 0, 0),
      counts(0, 0, 0, 0, 1),
      counts(1, 0, 0, 1, 0),
      counts(0, 1, 2, 0, 2),
      // Counted when the recruiter wrote it (November), not when it was forwarded (December).
      counts(1, 0, 0, 0, 0, 1),
      counts(0, 0, 0, 0, 0),
    ]);
    expect(chart.totals).toEqual(counts(4, 2, 3, 1, 3, 1));
  });

  it('draws a young search by week, Mondays first', () => {
    const chart = searchChart(
      [rejection('2026-11-18T10:00:00.000Z', 'interview'), rejection('2026-12-01T10:00:00.000Z', 'test')],
      '2026-12-02',
      'UTC',
    )!;
    expect(chart.period).toBe('week');
    expect(chart.periods.map((p) => p.start)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(chart.periods.map((p) => p.counts.interview + p.counts.test)).toEqual([1, 0, 1]);
  });

  it('keeps to the last twelve months of a long search', () => {
    const chart = searchChart(
      [rejection('2024-03-03T10:00:00.000Z', 'interview'), rejection('2026-11-03T10:00:00.000Z', 'interview')],
      '2026-12-02',
      'UTC',
    )!;
    expect(chart.periods).toHaveLength(12);
    expect(chart.periods[0]!.start).toBe('2026-01-01');
    expect(chart.totals.interview).toBe(1);
  });

  it('puts a rejection in the month it was in the owner’s time zone', () => {
    const late = [rejection('2026-05-31T23:30:00.000Z', 'interview'), rejection('2026-11-01T10:00:00.000Z', 'test')];
    expect(searchChart(late, '2026-12-02', 'UTC')!.periods[0]).toMatchObject({ start: '2026-05-01' });
    expect(searchChart(late, '2026-12-02', 'Europe/Berlin')!.periods[0]).toMatchObject({
      start: '2026-06-01',
      counts: counts(0, 0, 1, 0, 0),
    });
  });

  it('is not drawn while there is nothing to count', () => {
    expect(searchChart([], '2026-12-02', 'UTC')).toBeNull();
    expect(
      searchChart([rejection(null, null, { status: 'IGNORED', reason: 'own-mail' })], '2026-12-02', 'UTC'),
    ).toBeNull();
    expect(searchChartSection(null)).toBe('');
  });
});

describe('the chart as drawn', () => {
  const svg = searchChartSection(searchChart(months(), '2026-12-02', 'UTC'));

  it('is inline SVG with a bar per stage and month, each named, and a sentence saying what it shows', () => {
    expect(svg).toMatch(
      /<svg class="chart" viewBox="0 0 360 196" role="img" aria-labelledby="chart-title chart-desc">/,
    );
    // One rectangle per non-zero count: June 2 (application, test), July 1, August 1 (sent), …,
    // November 2 (an application, a follow-up).
    expect(svg.match(/<rect x=/g)).toHaveLength(2 + 1 + 1 + 2 + 3 + 2);
    expect(svg).toContain('<title>Nov 2026: 1 follow-ups sent</title>');
    expect(svg).toContain('<title>Jun 2026: 2 rejected after the application</title>');
    expect(svg).toContain('<title>Oct 2026: 2 letters sent</title>');
    expect(svg).toContain(
      'In the last 7 months: 10 rejections (4 after the application, 2 after a test, 3 after an interview, 1 stage not stated), 3 letters sent, 1 follow-up.',
    );
    for (const month of ['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']) expect(svg).toContain(`>${month}</text>`);
    expect(svg).toContain('>2026</text>');
  });

  it('sizes bars by their counts: two rejections stand twice as tall as one', () => {
    const height = (series: string, month: string) =>
      Number(
        new RegExp(`height="([\\d.]+)" fill="[^"]+" data-series="${series}"><title>${month} 2026:`).exec(svg)?.[1],
      );
    expect(height('application', 'Jun')).toBeCloseTo(2 * height('test', 'Jun'), 0);
    expect(height('interview', 'Oct')).toBeCloseTo(2 * height('interview', 'Jul'), 0);
  });

  it('needs nothing the page’s CSP forbids: no script, no style attribute, no external reference', () => {
    const page = casesPage({
      rows: [],
      filter: null,
      noise: false,
      noiseCount: 0,
      chart: searchChart(months(), '2026-12-02', 'UTC'),
      timeZone: 'UTC',
      urls: { filter: () => '/c', noise: '/n', paste: '/p', export: '/e', deleteAll: '/d' },
    });
    expect(page).toContain('<svg class="chart"');
    expect(page).not.toMatch(/<script|\sstyle=|\son\w+=|href="http|xlink:href/i);
    expect(PAGE_HEADERS['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+';/);
  });
});

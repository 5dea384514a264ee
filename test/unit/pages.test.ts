import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { type CaseRow, type CasesView, casesPage, draftAnywayPage } from '../../lambdas/web/pages/other-pages.ts';
import { reviewPage } from '../../lambdas/web/pages/review-page.ts';

const letter = {
  to: 'anna@riverside.example',
  toName: 'Anna Kowalski',
  subject: 'Re: Decision',
  body: 'Dear Anna Kowalski,\n\nThank you.',
  inReplyTo: null,
  references: null,
};

function page(
  date: string | null,
  candidates: { name: string | null; address: string; source: string }[] = [],
  timeZone = 'UTC',
): string {
  const record: Case = {
    id: 'c1',
    status: 'AWAITING_APPROVAL',
    receivedAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    letter,
    original: {
      style: 'inline',
      from: { name: 'Anna Kowalski', address: 'anna@riverside.example' },
      subject: 'Decision',
      date,
      messageId: null,
      references: null,
      excerpt: 'Thank you.',
    },
  };
  return reviewPage({
    record,
    sendUrl: '/s',
    discardUrl: '/d',
    sentMyselfUrl: '/m',
    casesUrl: '/c',
    candidates,
    timeZone,
  });
}

describe('the review page: when the original was written', () => {
  it('shows a Date header onward parsed in the owner’s time zone, in the one format of every time', () => {
    expect(page('2026-11-24T23:02:11.000Z')).toContain('Tue, 24 Nov 2026, 23:02 UTC');
    expect(page('2026-11-24T23:02:11.000Z', [], 'Europe/Berlin')).toContain('Wed, 25 Nov 2026, 00:02 CET');
    expect(page('2026-11-24T23:02:11.000Z', [], 'America/New_York')).toContain('Tue, 24 Nov 2026, 18:02 GMT-5');
  });

  it.each(['Fri, Feb 27, 2026 at 4:31 PM', 'Thursday, March 5, 2026 2:03 PM'])(
    'shows a forward header’s date as written (%s): it names no time zone',
    (date) => {
      const html = page(date);
      expect(html).toContain(date);
      expect(html).not.toMatch(/Invalid Date|UTC<\/dd>/);
    },
  );
});

describe('the review page: mail meant for someone else', () => {
  it('shows the warning above the letter', () => {
    const record: Case = {
      id: 'c1',
      status: 'AWAITING_APPROVAL',
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      letter,
    };
    const html = reviewPage({
      record,
      sendUrl: '/s',
      discardUrl: '/d',
      sentMyselfUrl: '/m',
      casesUrl: '/c',
      candidates: [],
      timeZone: 'UTC',
      addresseeWarning:
        'This email greets “Alex”, not you (Sam Rivera): check it was meant for you before sending a letter.',
    });
    expect(html).toContain('<div class="notice warn">This email greets “Alex”, not you (Sam Rivera)');
  });
});

describe('the review page: an expired draft', () => {
  it('offers to bring it back, right there', () => {
    const record: Case = {
      id: 'c1',
      status: 'EXPIRED',
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      letter,
    };
    const html = reviewPage({
      record,
      sendUrl: '/s',
      discardUrl: '/d',
      sentMyselfUrl: '/m',
      casesUrl: '/c',
      candidates: [],
      timeZone: 'UTC',
      reviveUrl: '/t/revive-c1',
    });
    expect(html).toContain('This draft waited too long and expired.');
    expect(html).toContain('<form method="post" action="/t/revive-c1">');
  });
});

describe('the review page: other possible recipients', () => {
  it('offers only people other than the one already in To', () => {
    const only = page(null, [{ name: 'Anna Kowalski', address: 'Anna@riverside.example', source: 'from' }]);
    expect(only).not.toContain('Other possible recipients');
    const two = page(null, [
      { name: 'Anna Kowalski', address: 'anna@riverside.example', source: 'from' },
      { name: 'Hiring Team', address: 'hiring@riverside.example', source: 'cc' },
    ]);
    expect(two).toContain('Other possible recipients');
    expect(two).toContain('<code>hiring@riverside.example</code>');
    expect(two).not.toContain('<code>anna@riverside.example</code>');
  });
});

describe('the cases page', () => {
  const row = (status: Case['status'], reason?: Case['reason']) => ({
    record: {
      id: `c-${status}`,
      status,
      reason,
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
    } as Case,
    reviewUrl: null,
    reviveUrl: null,
    deleteUrl: null,
  });
  const view = (rows: CaseRow[], extra: Partial<CasesView> = {}): CasesView => ({
    rows,
    filter: null,
    noise: false,
    noiseCount: 0,
    chart: null,
    timeZone: 'UTC',
    urls: {
      filter: (s) => `/cases?status=${s ?? ''}`,
      noise: '/cases?view=noise',
      paste: '/paste',
      export: '/export',
      deleteAll: '/delete-all',
    },
    ...extra,
  });

  it('names statuses and reasons in words, and a reason only while no letter was drafted', () => {
    const html = casesPage(view([row('AWAITING_APPROVAL', 'unsure'), row('IGNORED', 'not-a-rejection')]));
    expect(html).toContain('data-status="AWAITING_APPROVAL">waiting for you</td>');
    expect(html).toContain('data-status="IGNORED">no letter<br><small>not a rejection</small>');
    expect(html).not.toContain('unsure');
    expect(html).toContain('<a href="/cases?status=SEND_UNKNOWN">may have been sent</a>');
    expect(html).not.toMatch(/>AWAITING_APPROVAL</);
    // No date in the email: when it was forwarded, and that it was.
    expect(html).toContain(
      '<td class="date"><time datetime="2026-11-26T10:00:00.000Z">26 Nov 2026, 10:00</time><br><small>forwarded; the email gave no date</small></td>',
    );
  });

  it('shows when the recruiter wrote, in the owner’s time zone, and when it was forwarded', () => {
    const r = row('SENT');
    r.record.original = {
      style: 'attachment',
      from: null,
      subject: 'x',
      date: '2026-11-20T16:31:00.000Z',
      messageId: null,
      references: null,
      excerpt: '',
    };
    const html = casesPage(view([r], { timeZone: 'Europe/Berlin' }));
    expect(html).toContain(
      '<time datetime="2026-11-20T16:31:00.000Z">20 Nov 2026, 17:31</time><br><small>forwarded 26 Nov 2026</small>',
    );
    expect(html).toContain('Times in Europe/Berlin.');
    // An inline forward's date names no zone: the time as written, not moved into Berlin's.
    r.record.original.date = 'Fri, Feb 27, 2026 at 4:31 PM';
    expect(casesPage(view([r], { timeZone: 'Europe/Berlin' }))).toContain(
      '<time datetime="2026-02-27T16:31">27 Feb 2026, 16:31</time>',
    );
  });

  it('gives each case its contact, stage and next follow-up (none yet)', () => {
    const r = row('AWAITING_APPROVAL');
    r.record.extraction = {
      company: 'Grainwood',
      role: 'Analyst',
      contactName: 'Sandra Ing',
      contactEmail: 'sandra@grainwood.example',
      stage: 'test',
    } as Case['extraction'];
    const html = casesPage(view([r]));
    expect(html).toContain(
      '<td data-label="Contact">Sandra Ing<br><small>sandra@grainwood.example</small></td><td class="stage" data-label="Stage">test</td>',
    );
    expect(html).toContain('<td data-label="Next follow-up">—</td>');
    expect(html).toContain('<th>Contact</th><th>Stage</th><th>Letter</th><th>Next follow-up</th>');
  });

  it('keeps noise one click away: a link with its count, and its own list with the way back', () => {
    const html = casesPage(view([row('SENT')], { noiseCount: 3 }));
    expect(html).toContain('<a href="/cases?view=noise">set aside (3)</a>');
    const aside = casesPage(view([row('IGNORED', 'duplicate')], { noise: true, noiseCount: 1 }));
    expect(aside).toContain('<strong>set aside (1)</strong>');
    expect(aside).toContain('<a href="/cases?status=">Back to your record</a>');
    expect(aside).toContain('no letter<br><small>duplicate</small>');
    expect(casesPage(view([], { noise: true }))).toContain('Nothing set aside.');
  });

  it('offers filters for the states a case rests in, and names mail with no sender by its subject', () => {
    const html = casesPage(
      view([
        {
          ...row('IGNORED', 'no-from'),
          record: {
            ...row('IGNORED', 'no-from').record,
            original: {
              style: 'direct',
              from: null,
              subject: 'Quick question',
              date: null,
              messageId: null,
              references: null,
              excerpt: '',
            },
          },
        },
      ]),
    );
    for (const passing of ['RECEIVED', 'DRAFTED', 'SENDING']) expect(html).not.toContain(`status=${passing}"`);
    expect(html).toContain('<a href="/cases?status=EXPIRED">expired</a>');
    expect(html).toContain('<td>Quick question</td>');
  });

  it('says when a filter has no cases, not that there are none at all', () => {
    expect(casesPage(view([], { filter: 'EXPIRED' }))).toContain('No cases with the status “expired”.');
    expect(casesPage(view([]))).toContain('No cases yet.');
    // A rejection that cannot be forwarded has a way in from here.
    expect(casesPage(view([], { urls: { ...view([]).urls, paste: '/t/x.paste.y' } }))).toContain(
      '<a href="/t/x.paste.y">Paste a rejection</a>',
    );
  });

  it('says whom a sent letter went to', () => {
    const sent = row('SENT');
    sent.record.letter = {
      to: 'sandra@grainwood.example',
      toName: null,
      subject: 'Re: x',
      body: 'Dear Sandra,',
      inReplyTo: null,
      references: null,
    };
    expect(casesPage(view([sent]))).toContain('data-status="SENT">sent<br><small>to sandra@grainwood.example</small>');
  });
});

describe('the draft-anyway page', () => {
  it('says in words what onward read, with the words that showed it', () => {
    const record: Case = {
      id: 'c9',
      status: 'IGNORED',
      reason: 'not-a-rejection',
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      original: {
        style: 'inline',
        from: null,
        subject: 'Next steps',
        date: null,
        messageId: null,
        references: null,
        excerpt: '',
      },
      classification: {
        verdict: 'not_rejection',
        confidence: 0.9,
        kind: 'interview-invite',
        reasons: ['invites you to interview: “we would like to invite you”'],
      },
    };
    const html = draftAnywayPage(record, '/p', '/c');
    expect(html).toContain(
      'onward read it as not a rejection: invites you to interview: “we would like to invite you”.',
    );
    expect(html).not.toContain('not rejection (');
  });

  it('for a case forwarded to record, says so and still offers a letter, and the way to delete it', () => {
    const record = {
      id: 'c8',
      status: 'IGNORED',
      reason: 'record-only',
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      original: {
        style: 'attachment',
        from: null,
        subject: 'Your application',
        date: null,
        messageId: null,
        references: null,
        excerpt: '',
      },
    } as Case;
    const html = draftAnywayPage(record, '/p', '/c', null, '/t/x.delete.y');
    expect(html).toContain('you forwarded it with “record” as your note, to keep it in your record without a letter.');
    expect(html).toContain('value="draft">Write one</button>');
    expect(html).toContain('<a href="/t/x.delete.y">Delete this case…</a>');
    expect(draftAnywayPage(record, '/p', '/c')).not.toContain('Delete this case');
  });
});

describe('the review page: mail an agency wrote', () => {
  it('says who wrote it for whom beside what onward detected', () => {
    const record: Case = {
      id: 'c1',
      status: 'AWAITING_APPROVAL',
      receivedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      letter,
      classification: { verdict: 'rejection', confidence: 0.9, kind: 'rejection', reasons: [] },
      extraction: {
        company: 'Oakhurst Foods',
        role: 'Senior Buyer',
        department: null,
        contactName: 'Tessa Morrow',
        contactEmail: 'tessa@brightfield.example',
        agency: 'Brightfield Search',
        stage: null,
        interviewed: null,
        noReplySender: false,
        candidates: [],
      },
    };
    const html = reviewPage({
      record,
      sendUrl: '/s',
      discardUrl: '/d',
      sentMyselfUrl: '/m',
      casesUrl: '/c',
      candidates: [],
      timeZone: 'UTC',
    });
    expect(html).toContain('<dt>Written by</dt><dd>Tessa Morrow at Brightfield Search for Oakhurst Foods</dd>');
    const own = { ...record, extraction: { ...record.extraction!, agency: null } };
    expect(
      reviewPage({
        record: own,
        sendUrl: '/s',
        discardUrl: '/d',
        sentMyselfUrl: '/m',
        casesUrl: '/c',
        candidates: [],
        timeZone: 'UTC',
      }),
    ).not.toContain('Written by');
  });
});

describe('the review page: SES would not send the letter', () => {
  const refused = (over: Partial<Case> = {}): string =>
    reviewPage({
      record: {
        id: 'c1',
        status: 'SEND_FAILED',
        receivedAt: '2026-11-26T10:00:00.000Z',
        updatedAt: '2026-11-26T10:00:00.000Z',
        letter: {
          ...letter,
          subject: 'Re: Decision & next steps?',
          body: 'Dear Anna Kowalski,\n\nThank you — 100% & more.',
        },
        failure:
          'MessageRejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: anna@riverside.example',
        ...over,
      },
      sendUrl: '/s',
      discardUrl: '/d',
      sentMyselfUrl: '/m',
      casesUrl: '/c',
      candidates: [],
      timeZone: 'UTC',
    });

  it('offers to send it from the owner’s own mail: a mailto: link with To, Subject and body', () => {
    const html = refused();
    expect(html).toContain('<h2 id="own">Send from my own mail</h2>');
    const href = /<a class="button" href="(mailto:[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const url = new URL(href);
    expect(decodeURIComponent(url.pathname)).toBe('anna@riverside.example');
    // URLSearchParams would read "+" as a space: mailto: is percent-encoded only.
    const params = Object.fromEntries(
      url.search
        .slice(1)
        .split('&')
        .map((p) => p.split('=').map(decodeURIComponent)),
    );
    expect(params).toEqual({
      subject: 'Re: Decision & next steps?',
      body: 'Dear Anna Kowalski,\r\n\r\nThank you — 100% & more.',
    });
  });

  it('and the letter in a read-only box to copy (no script: the page runs none), and "I sent it myself"', () => {
    const html = refused();
    expect(html).toMatch(
      /<textarea id="copy" readonly rows="\d+">To: anna@riverside\.example\nSubject: Re: Decision &amp; next steps\?\n\nDear Anna Kowalski,/,
    );
    expect(html).toContain('<form method="post" action="/m">');
    expect(html).toContain('value="sent-myself">I sent it myself</button>');
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
  });

  it('says why when the account is in the SES sandbox', () => {
    expect(refused()).toContain('still in the SES <em>sandbox</em>');
    expect(refused({ failure: 'MessageRejected: Sending paused for this account.' })).not.toContain('sandbox');
  });

  it('is not offered while onward may still send it, nor once it may have left', () => {
    for (const status of ['AWAITING_APPROVAL', 'SEND_UNKNOWN', 'SENDING'] as const)
      expect(refused({ status }), status).not.toContain('Send from my own mail');
  });

  it('a letter the owner sent is shown as sent by them', () => {
    const html = refused({ status: 'SENT', sentBy: 'owner', sentAt: '2026-11-26T12:00:00.000Z', failure: undefined });
    expect(html).toContain('<strong>Sent by you.</strong> You sent this letter from your own mail');
    expect(html).not.toContain('I sent it myself');
  });
});

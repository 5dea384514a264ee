// The review site's routes. One path, /t/<token>: the signed token names the case and the action.
// GET and HEAD only render (mail scanners open links before people do); only a POST from the
// page acts, and a POST from another site is refused.
import {
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  DELETABLE,
  draftableAnyway,
  followUpKey,
  followUpPhrase,
  mayMarkNotRejection,
  parseFollowUpKey,
  revivable,
} from '../core/case/index.ts';
import type { LetterEdits } from '../core/letter/index.ts';
import {
  ALL_CASES,
  linkFor,
  makeLinks,
  type LinkSigner,
  type TokenAction,
  type TokenClaims,
  verifyToken,
} from '../core/links/index.ts';
import { casesCsv, isNoise, localDay, searchChart } from '../core/record/index.ts';
import { PAGE_HEADERS, esc, messagePage } from './pages/layout.ts';
import {
  casesPage,
  DELETE_ALL_PHRASE,
  deleteAllPage,
  deleteCasePage,
  deniedPage,
  draftAnywayPage,
  expiredPage,
  notFoundPage,
  pastedPage,
  pastePage,
  typedSection,
} from './pages/other-pages.ts';
import { addresseeWarning } from '../core/notices/index.ts';
import { reviewPage, type ReviewView } from './pages/review-page.ts';
import { followUpPage, type FollowUpView } from './pages/follow-up-page.ts';
import {
  followUpAgain,
  sendFollowUp,
  snoozeFollowUp,
  stopFollowUp,
  switchAllFollowUps,
} from '../workflow/follow-up.ts';
import { type PasteDeps, receivePaste } from '../workflow/paste.ts';
import { deleteCase, deleteEverything } from '../workflow/delete-cases.ts';
import { discardDraft } from '../workflow/discard.ts';
import type { CaseEraser, CaseRepository, RawMailEraser } from '../workflow/ports.ts';
import { draftAnyway } from '../workflow/draft-anyway.ts';
import { markNotRejection } from '../workflow/owner-labels.ts';
import { sendFreshLink } from '../workflow/fresh-link.ts';
import type { ReviewDeps } from '../workflow/owner-decisions.ts';
import { recipientCandidates } from '../workflow/recipients.ts';
import { reviveDraft } from '../workflow/revive.ts';
import { recordSentByOwner, sendLetter } from '../workflow/send-letter.ts';

export interface WebRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  form: URLSearchParams;
}

export interface WebResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type WebDeps = ReviewDeps & {
  /** The site deletes cases at the owner's word ("Delete this case", "Delete everything"). */
  cases: CaseRepository & CaseEraser;
  /** "Delete": the raw mail goes with the case (`<rawMailPrefix><case id>`). */
  rawMail: RawMailEraser;
  rawMailPrefix: string;
  signer: LinkSigner;
  inboundAddress: string;
  /** A pasted rejection is stored and handed to the inbound function, which reads it as a forward. */
  paste: PasteDeps;
  /** A new case's id, one per paste. */
  newId: () => string;
  /** Days after a letter left that its follow-up is drafted: the cases page shows when. */
  followUpDays: number;
};

const html = (statusCode: number, body: string, extra: Record<string, string> = {}): WebResponse => ({
  statusCode,
  headers: { ...PAGE_HEADERS, ...extra },
  body,
});

const redirect = (location: string): WebResponse => html(303, '', { location });

/** Cross-site POSTs are refused. With Referrer-Policy no-referrer a browser sends `Origin: null` from our own page. */
function crossSite(req: WebRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** For an expired or discarded draft: the signed POST target that brings it back for review. */
const reviveLink = (deps: WebDeps, record: Case): string | null =>
  revivable(record) ? linkFor(deps.signer, record.id, 'revive') : null;

/** The page that asks before deleting a case, for a case that rests in a state. */
const deleteLink = (deps: WebDeps, record: Case): string | null =>
  DELETABLE.includes(record.status) ? linkFor(deps.signer, record.id, 'delete') : null;

/** The signed POST target of "Not a rejection", where the owner may still say so. */
const notRejectionLink = (deps: WebDeps, record: Case, expiresAt?: number): string | null =>
  mayMarkNotRejection(record) ? linkFor(deps.signer, record.id, 'not-rejection', expiresAt) : null;

async function reviewView(
  deps: WebDeps,
  record: Case,
  expiresAt: number,
  extra: Partial<ReviewView> = {},
): Promise<ReviewView> {
  return {
    record,
    sendUrl: linkFor(deps.signer, record.id, 'send', expiresAt),
    discardUrl: linkFor(deps.signer, record.id, 'discard', expiresAt),
    sentMyselfUrl: linkFor(deps.signer, record.id, 'sent-myself', expiresAt),
    casesUrl: linkFor(deps.signer, ALL_CASES, 'cases'),
    candidates: await recipientCandidates(deps, record),
    addresseeWarning: addresseeWarning(record.extraction, deps.owner.name),
    reviveUrl: reviveLink(deps, record),
    deleteUrl: deleteLink(deps, record),
    timeZone: deps.owner.timeZone,
    notRejectionUrl: notRejectionLink(deps, record, expiresAt),
    followUp: record.followUp
      ? {
          url: linkFor(deps.signer, followUpKey(record.id, record.followUp.round), 'follow-up'),
          phrase: followUpPhrase(record.followUp, deps.followUpDays),
        }
      : null,
    ...extra,
  };
}

async function showCase(
  deps: WebDeps,
  claims: TokenClaims,
  extra: Partial<ReviewView> = {},
  status = 200,
): Promise<WebResponse> {
  const record = await deps.cases.get(claims.caseId);
  if (!record) return html(404, notFoundPage());
  return html(status, reviewPage(await reviewView(deps, record, claims.expiresAt, extra)));
}

/** A follow-up's page, for the round its link names; a link of an earlier round shows the current one. */
async function showFollowUp(
  deps: WebDeps,
  claims: TokenClaims,
  extra: Partial<FollowUpView> = {},
  status = 200,
): Promise<WebResponse> {
  const key = parseFollowUpKey(claims.caseId);
  const record = key ? await deps.cases.get(key.caseId) : null;
  if (!key || !record?.followUp) return html(404, notFoundPage());
  const round = record.followUp.round;
  // Links keep the lifetime of the link that opened the page, as the thank-you's do; one of an
  // earlier round gets the current round's links (its own could no longer act).
  const expiresAt = round === key.round ? claims.expiresAt : undefined;
  const link = (action: TokenAction) => linkFor(deps.signer, followUpKey(record.id, round), action, expiresAt);
  return html(
    status,
    followUpPage({
      record,
      sendUrl: link('follow-up-send'),
      snoozeUrl: link('follow-up-snooze'),
      stopUrl: link('follow-up-stop'),
      againUrl: link('follow-up-again'),
      casesUrl: casesLink(deps),
      thankYouUrl: linkFor(deps.signer, record.id, 'review'),
      timeZone: deps.owner.timeZone,
      followUpDays: deps.followUpDays,
      ...extra,
    }),
  );
}

/** The follow-up actions: each bound by its token to one case and one round. */
async function postFollowUp(deps: WebDeps, req: WebRequest, claims: TokenClaims): Promise<WebResponse> {
  const key = parseFollowUpKey(claims.caseId);
  if (!key) return html(404, notFoundPage());
  const page = () => redirect(linkFor(deps.signer, claims.caseId, 'follow-up', claims.expiresAt));
  switch (claims.action) {
    case 'follow-up-send': {
      const typed = {
        to: req.form.get('to') ?? '',
        subject: req.form.get('subject') ?? '',
        body: req.form.get('body') ?? '',
      };
      const result = await sendFollowUp(deps, key.caseId, key.round, typed);
      switch (result.outcome) {
        case 'missing':
          return html(404, notFoundPage());
        case 'sent':
          return page();
        case 'already-sent':
          return showFollowUp(deps, claims, { alreadySent: true });
        case 'invalid':
          return showFollowUp(
            deps,
            claims,
            { problems: result.problems, draft: { ...result.record.followUp!.letter!, ...typed } },
            422,
          );
        case 'failed':
        case 'unknown':
          return showFollowUp(deps, claims, {}, 502);
        default:
          return showFollowUp(deps, claims, {}, 409);
      }
    }
    case 'follow-up-snooze':
    case 'follow-up-stop':
    case 'follow-up-again': {
      const decide =
        claims.action === 'follow-up-snooze'
          ? snoozeFollowUp
          : claims.action === 'follow-up-stop'
            ? stopFollowUp
            : followUpAgain;
      const result = await decide(deps, key.caseId, key.round);
      if (result.outcome === 'missing') return html(404, notFoundPage());
      if (result.outcome === 'unchanged') return showFollowUp(deps, claims, {}, 409);
      // "Follow up again" starts the next round: its own page and links.
      return redirect(linkFor(deps.signer, followUpKey(key.caseId, result.record.followUp!.round), 'follow-up'));
    }
    default:
      return html(405, messagePage('Nothing to do', 'This link only shows a page.'), { allow: 'GET, HEAD' });
  }
}

async function showCases(deps: WebDeps, req: WebRequest): Promise<WebResponse> {
  const wanted = req.query.get('status');
  const filter = CASE_STATUSES.includes(wanted as CaseStatus) ? (wanted as CaseStatus) : null;
  const noise = req.query.get('view') === 'noise';
  const self = linkFor(deps.signer, ALL_CASES, 'cases');
  const all = await deps.cases.list();
  // Duplicates, strangers' mail, onward's own and the owner's replies acted on are not part of
  // the record: one click away, never in the list or the chart.
  const [record, aside] = [all.filter((c) => !isNoise(c)), all.filter(isNoise)];
  const listed = noise ? aside : filter ? record.filter((c) => c.status === filter) : record;
  const rows = listed.map((record) => ({
    record,
    reviewUrl: draftableAnyway(record)
      ? linkFor(deps.signer, record.id, 'draft')
      : record.letter || record.original
        ? linkFor(deps.signer, record.id, 'review')
        : null,
    reviveUrl: reviveLink(deps, record),
    followUpUrl: record.followUp
      ? linkFor(deps.signer, followUpKey(record.id, record.followUp.round), 'follow-up')
      : null,
    deleteUrl: deleteLink(deps, record),
  }));
  const today = localDay(deps.clock.now().toISOString(), deps.owner.timeZone);
  return html(
    200,
    casesPage({
      rows,
      filter,
      noise,
      noiseCount: aside.length,
      chart: searchChart(record, today, deps.owner.timeZone),
      timeZone: deps.owner.timeZone,
      followUps: {
        on: await deps.cases.followUpsOn(),
        switchUrl: linkFor(deps.signer, ALL_CASES, 'follow-ups-switch'),
        days: deps.followUpDays,
      },
      urls: {
        filter: (s) => (s ? `${self}?status=${s}` : self),
        noise: `${self}?view=noise`,
        paste: linkFor(deps.signer, ALL_CASES, 'paste'),
        export: linkFor(deps.signer, ALL_CASES, 'export'),
        deleteAll: linkFor(deps.signer, ALL_CASES, 'delete-all'),
      },
    }),
  );
}

/**
 * Every case as CSV, to download: a GET that only reads, like every page. A byte-order mark first,
 * so that a spreadsheet opens it as UTF-8 and recruiters' names keep their accents.
 */
async function exportCsv(deps: WebDeps): Promise<WebResponse> {
  const cases = await deps.cases.list({ limit: 1_000_000 });
  const day = new Date(deps.signer.nowSeconds() * 1000).toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      ...PAGE_HEADERS,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="onward-cases-${day}.csv"`,
    },
    body: `\uFEFF${casesCsv(cases, deps.followUpDays)}`,
  };
}

function edits(form: URLSearchParams): LetterEdits {
  return {
    to: form.get('to') ?? '',
    subject: form.get('subject') ?? '',
    body: form.get('body') ?? '',
    detail: form.get('detail') ?? '',
  };
}

async function get(deps: WebDeps, req: WebRequest, claims: TokenClaims): Promise<WebResponse> {
  switch (claims.action) {
    case 'cases':
      return showCases(deps, req);
    case 'export':
      return exportCsv(deps);
    case 'paste':
      return html(200, pastePage(linkFor(deps.signer, ALL_CASES, 'paste'), casesLink(deps), { text: '', from: '' }));
    case 'draft': {
      const record = await deps.cases.get(claims.caseId);
      if (!record) return html(404, notFoundPage());
      if (record.status !== 'IGNORED') return showCase(deps, claims);
      return html(
        200,
        draftAnywayPage(
          record,
          linkFor(deps.signer, record.id, 'draft', claims.expiresAt),
          linkFor(deps.signer, ALL_CASES, 'cases'),
          notRejectionLink(deps, record, claims.expiresAt),
          deleteLink(deps, record),
        ),
      );
    }
    case 'follow-ups-switch':
      return showCases(deps, req);
    case 'follow-up':
    case 'follow-up-send':
    case 'follow-up-snooze':
    case 'follow-up-stop':
    case 'follow-up-again':
      return showFollowUp(deps, claims);
    case 'delete': {
      const record = await deps.cases.get(claims.caseId);
      if (!record) return html(404, notFoundPage());
      const echoes = (await deps.cases.list()).filter(
        (c) => c.duplicateOf === record.id || c.repliedTo === record.id,
      ).length;
      return html(200, deleteCasePage(record, linkFor(deps.signer, record.id, 'delete'), casesLink(deps), echoes));
    }
    case 'delete-all':
      return deleteAllAsk(deps);
    default:
      // review, and send/discard links opened by a scanner: show the page, never act.
      return showCase(deps, claims);
  }
}

async function post(deps: WebDeps, req: WebRequest, claims: TokenClaims): Promise<WebResponse> {
  const reviewLink = () => linkFor(deps.signer, claims.caseId, 'review', claims.expiresAt);
  switch (claims.action) {
    case 'send': {
      const result = await sendLetter(deps, claims.caseId, edits(req.form));
      switch (result.outcome) {
        case 'missing':
          return html(404, notFoundPage());
        case 'sent':
          return redirect(reviewLink());
        case 'already-sent':
          return showCase(deps, claims, { alreadySent: true });
        case 'check':
          return html(
            200,
            reviewPage(
              await reviewView(deps, result.record, claims.expiresAt, {
                notice:
                  'Your detail is now in the letter, as it will read. Check it, change anything you like, and press Send.',
                draft: { letter: result.record.letter!, detail: '' },
              }),
            ),
          );
        case 'invalid': {
          // The page comes back as the owner typed it ("Sandra Ing <sandra@…>", not the address alone).
          const typed = edits(req.form);
          const letter = { ...result.record.letter!, to: typed.to, subject: typed.subject, body: typed.body };
          return html(
            422,
            reviewPage(
              await reviewView(deps, result.record, claims.expiresAt, {
                problems: result.problems,
                draft: { letter, detail: typed.detail },
              }),
            ),
          );
        }
        case 'failed':
        case 'unknown':
          return showCase(deps, claims, {}, 502);
        default:
          return showCase(deps, claims, {}, 409);
      }
    }
    case 'sent-myself': {
      const result = await recordSentByOwner(deps, claims.caseId);
      if (result.outcome === 'missing') return html(404, notFoundPage());
      return result.outcome === 'not-refused' ? showCase(deps, claims, {}, 409) : redirect(reviewLink());
    }
    case 'discard': {
      // Pressed in the letter's form, Discard carries what was typed: a revival brings it back.
      const result = await discardDraft(deps, claims.caseId, req.form.has('body') ? edits(req.form) : undefined);
      return result.outcome === 'missing' ? html(404, notFoundPage()) : redirect(reviewLink());
    }
    case 'draft': {
      const result = await draftAnyway(deps, claims.caseId);
      if (result.outcome === 'missing') return html(404, notFoundPage());
      // Another forward of this email has its letter already: that letter's page, not a second letter.
      return redirect(result.outcome === 'held' ? linkFor(deps.signer, result.record.id, 'review') : reviewLink());
    }
    case 'paste':
      return paste(deps, req);
    case 'follow-up-send':
    case 'follow-up-snooze':
    case 'follow-up-stop':
    case 'follow-up-again':
      return postFollowUp(deps, req, claims);
    case 'follow-ups-switch':
      // One switch for all follow-ups ("I took a job"): the form says which way.
      await switchAllFollowUps(deps, req.form.get('on') === 'true');
      return redirect(casesLink(deps));
    case 'delete': {
      const result = await deleteCase(deps, claims.caseId);
      if (result.outcome === 'missing') return html(404, notFoundPage());
      if (result.outcome === 'busy')
        return html(
          409,
          messagePage(
            'Not now',
            'onward is working on this case right now (a letter may be leaving). Try again in a minute.',
          ),
        );
      return html(
        200,
        messagePage('Deleted', 'The case and the email you forwarded are gone from onward.', backToCases(deps)),
      );
    }
    case 'delete-all': {
      // A typed phrase, not a click: nothing is deleted unless it is there.
      if ((req.form.get('confirm') ?? '').trim().toLowerCase() !== DELETE_ALL_PHRASE)
        return deleteAllAsk(deps, [`Type “${DELETE_ALL_PHRASE}” in the box to delete every case.`], 422);
      const { removed, busy, verdicts } = await deleteEverything(deps);
      return html(
        200,
        messagePage(
          'Everything is deleted',
          `${removed} ${removed === 1 ? 'case' : 'cases'} and their emails are gone from onward.${verdicts ? ` So is what you told it about emails like them (${verdicts}).` : ''}${busy ? ` ${busy} being worked on right now stayed: try again in a minute.` : ''}`,
          backToCases(deps),
        ),
      );
    }
    case 'not-rejection': {
      const result = await markNotRejection(deps, claims.caseId, 'page');
      if (result.outcome === 'missing') return html(404, notFoundPage());
      // Mail without a letter goes back to its "Draft a thank-you anyway?" page: the owner may still change their mind.
      return redirect(
        result.record.status === 'IGNORED'
          ? linkFor(deps.signer, claims.caseId, 'draft', claims.expiresAt)
          : reviewLink(),
      );
    }
    case 'revive': {
      const revived = await reviveDraft(deps, claims.caseId);
      if (revived && 'heldBy' in revived) return redirect(linkFor(deps.signer, revived.heldBy.id, 'review'));
      // A revived draft gets links with a fresh lifetime.
      return revived ? redirect(linkFor(deps.signer, claims.caseId, 'review')) : showCase(deps, claims, {}, 409);
    }
    default:
      return html(405, messagePage('Nothing to do', 'This link only shows a page.'), { allow: 'GET, HEAD' });
  }
}

const casesLink = (deps: WebDeps) => linkFor(deps.signer, ALL_CASES, 'cases');

const backToCases = (deps: WebDeps) => `<p><a href="${esc(casesLink(deps))}">Your cases</a></p>`;

/** "Delete everything?", asking for the typed phrase (again, with what was wrong). */
async function deleteAllAsk(deps: WebDeps, problems: string[] = [], status = 200): Promise<WebResponse> {
  const count = (await deps.cases.list({ limit: 1_000_000 })).length;
  return html(
    status,
    deleteAllPage(
      linkFor(deps.signer, ALL_CASES, 'delete-all'),
      casesLink(deps),
      linkFor(deps.signer, ALL_CASES, 'export'),
      count,
      problems,
    ),
  );
}

/**
 * A pasted rejection, handed to the inbound function to be read as a forward: the page says the
 * draft (or why there is none) is on its way by email. Nothing typed is lost: a paste that cannot
 * be handed over now comes back with its text.
 */
async function paste(deps: WebDeps, req: WebRequest): Promise<WebResponse> {
  const typed = { text: req.form.get('text') ?? '', from: req.form.get('from') ?? '' };
  const again = (problems: string[], status: number) =>
    html(status, pastePage(linkFor(deps.signer, ALL_CASES, 'paste'), casesLink(deps), typed, problems));
  const result = await receivePaste(deps.paste, deps.newId(), typed).catch((error: unknown) => {
    deps.log.error('paste.failed', { error: error instanceof Error ? error.name : 'unknown' });
    return null;
  });
  if (!result)
    return again(['onward could not take it just now. Press “Read it and draft a letter” again in a minute.'], 503);
  if (result.outcome === 'invalid') return again(result.problems, 422);
  return html(202, pastedPage(casesLink(deps), linkFor(deps.signer, ALL_CASES, 'paste')));
}

export async function route(deps: WebDeps, req: WebRequest): Promise<WebResponse> {
  const method = req.method.toUpperCase();
  const token = /^\/t\/([^/]+)$/.exec(req.path)?.[1];
  if (req.path === '/' && method !== 'POST') {
    return html(
      200,
      messagePage(
        'onward',
        'Your letters and cases open from the links in onward’s emails (and, on your laptop, from the “Your cases” link npm start prints).',
      ),
    );
  }
  if (!token) return html(404, notFoundPage());
  if (!['GET', 'HEAD', 'POST'].includes(method))
    return html(405, messagePage('Not allowed', 'Use the buttons on the page.'), { allow: 'GET, HEAD, POST' });
  if (method === 'POST' && crossSite(req))
    return html(403, messagePage('Refused', 'This request came from another site.'));

  // Tokens are base64url and base36: nothing to percent-decode, and a stray % is simply invalid.
  const check = verifyToken(deps.signer.key, token, deps.signer.nowSeconds());
  if (!check.ok && check.reason !== 'expired') return html(403, deniedPage());
  if (!check.ok) {
    const { caseId } = check.claims;
    // Any old link can ask for a fresh one; it only ever goes to the owner.
    if (method === 'POST' && req.form.get('op') === 'refresh') {
      await sendFreshLink({ ...deps, links: makeLinks(deps.signer, deps.inboundAddress) }, caseId);
      const carried = req.form.has('body') ? typedSection(edits(req.form)) : '';
      return html(
        200,
        messagePage('A fresh link is on its way', 'Check your email for a new link from onward.', carried),
      );
    }
    // What an old link says must be true of the case: a letter that left was sent, not "nothing".
    const record = caseId !== ALL_CASES ? await deps.cases.get(parseFollowUpKey(caseId)?.caseId ?? caseId) : null;
    // A Send pressed on a page left open past its link's lifetime: what was typed is shown again,
    // to copy into the fresh page, rather than lost.
    const typed =
      method === 'POST' && (check.claims.action === 'send' || check.claims.action === 'follow-up-send')
        ? edits(req.form)
        : null;
    return html(410, expiredPage(req.path, record, caseId === ALL_CASES, typed, deps.owner.timeZone));
  }
  const response = method === 'POST' ? await post(deps, req, check.claims) : await get(deps, req, check.claims);
  return method === 'HEAD' ? { ...response, body: '' } : response;
}

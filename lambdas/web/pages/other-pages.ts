// The small pages: the cases list, "draft anyway", and the answers to bad or stale links.
import {
  CASE_STATUSES,
  type Case,
  type CaseStatus,
  followUpPhrase,
  LIKE_THIS,
  ownerSaid,
  PASSING,
  STATUS_LABEL,
  verdictWords,
  when,
} from '../../core/case/index.ts';
import type { Stage } from '../../core/extract/index.ts';
import { recordEntry, type SearchChart, shortTime } from '../../core/record/index.ts';
import { esc, messagePage, page } from './layout.ts';
import { deleteLink } from './review-page.ts';
import { searchChartSection } from './search-chart.ts';

export function draftAnywayPage(
  record: Case,
  postUrl: string,
  casesUrl: string,
  notRejectionUrl: string | null = null,
  deleteUrl: string | null = null,
): string {
  if (record.reason === 'no-letter-suggested' || record.reason === 'record-only') {
    const why =
      record.reason === 'record-only'
        ? 'you forwarded it with “record” as your note, to keep it in your record without a letter'
        : 'it came automatically, and nobody wrote it';
    return page(
      'Write one anyway?',
      `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Write one anyway?</h1>
<p>The rejection “${esc(record.original?.subject ?? '')}” is recorded, and onward suggested no letter for it: ${why}. If you know whom to thank, onward will draft a letter for you to review. Nothing is sent until you press Send on the next page.</p>
<form method="post" action="${esc(postUrl)}"><div class="actions"><button class="primary" type="submit" name="op" value="draft">Write one</button></div></form>${deleteLink(deleteUrl)}`,
    );
  }
  const c = record.classification;
  const why = c ? `onward read it as ${verdictWords(c.verdict)}: ${c.reasons[0] ?? c.kind.replace(/-/g, ' ')}.` : '';
  const said = record.ownerLabel ? `<div class="notice" role="status">${esc(ownerSaid(record.ownerLabel))}</div>` : '';
  // For mail onward was unsure of, the owner may settle it the other way too.
  const notRejection = notRejectionUrl
    ? `<form method="post" action="${esc(notRejectionUrl)}"><button class="secondary" type="submit" name="op" value="not-rejection">Not a rejection</button></form>`
    : '';
  return page(
    'Draft a thank-you anyway?',
    `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Draft a thank-you anyway?</h1>${said}
<p>The email “${esc(record.original?.subject ?? '')}” did not get a letter: ${esc(why)} If it is a rejection after all, onward will draft one for you to review, and read ${LIKE_THIS} as rejections from now on. Nothing is sent until you press Send on the next page.</p>
<div class="actions"><form method="post" action="${esc(postUrl)}"><button class="primary" type="submit" name="op" value="draft">Draft a thank-you</button></form>${notRejection}</div>${deleteLink(deleteUrl)}`,
  );
}

export interface CaseRow {
  record: Case;
  reviewUrl: string | null;
  /** For an expired or discarded draft: a POST target that brings it back for review. */
  reviveUrl: string | null;
  /** The page that asks before deleting the case; shown in the row when the case has no page of its own. */
  deleteUrl: string | null;
  /** The follow-up's page, once the letter has left. */
  followUpUrl?: string | null;
}

/** The one switch for all follow-ups, and the days they wait. */
interface FollowUpSwitch {
  on: boolean;
  switchUrl: string;
  days: number;
}

/** "Follow-ups: on — Turn off (I took a job)": one POST that says which way. */
function followUpSwitch(s: FollowUpSwitch): string {
  return `<form method="post" action="${esc(s.switchUrl)}" class="follow-ups"><p><strong>Follow-ups: ${s.on ? 'on' : 'off'}</strong> <small>— ${
    s.on
      ? `onward drafts a short follow-up ${s.days} days after each letter left, for you to send`
      : 'onward drafts none; those due wait until you turn them on'
  }</small></p><input type="hidden" name="on" value="${s.on ? 'false' : 'true'}"><button class="secondary" type="submit" name="op" value="follow-ups">${
    s.on ? 'Turn off all follow-ups (I took a job)' : 'Turn follow-ups on'
  }</button></form>`;
}

export interface CasesView {
  rows: CaseRow[];
  /** One status of the record, or all of it. */
  filter: CaseStatus | null;
  /** The list shows the noise set aside (duplicates, strangers, onward's own mail), not the record. */
  noise: boolean;
  noiseCount: number;
  chart: SearchChart | null;
  timeZone: string;
  /** The switch for all follow-ups and the days they wait. */
  followUps?: FollowUpSwitch;
  urls: {
    filter: (s: CaseStatus | null) => string;
    noise: string;
    paste: string;
    export: string;
    /** The page that asks for a typed confirmation before deleting every case. */
    deleteAll: string;
  };
}

const STAGE_WORDS: Record<Stage, string> = { application: 'application', test: 'test', interview: 'interview' };

/** When the recruiter wrote, as the row's first line; when it was forwarded, under it. */
function dateCell(r: Case, timeZone: string): string {
  const e = recordEntry(r);
  const forwarded = shortTime(e.forwardedAt, timeZone);
  if (e.rejectedAt)
    return `<time datetime="${esc(e.rejectedAt)}">${esc(shortTime(e.rejectedAt, timeZone))}</time><br><small>forwarded ${esc(forwarded.replace(/,.*/, ''))}</small>`;
  // A date the forward wrote in a way onward cannot read is still the owner's best clue.
  if (e.rejectedAsWritten)
    return `<time>${esc(e.rejectedAsWritten)}</time><br><small>forwarded ${esc(forwarded.replace(/,.*/, ''))}</small>`;
  return `<time datetime="${esc(e.forwardedAt)}">${esc(forwarded)}</time><br><small>forwarded; the email gave no date</small>`;
}

/** What comes after the letter: when its follow-up is due, or what became of it, linked to its page. */
function followUpCell(r: Case, url: string | null | undefined, followUps: FollowUpSwitch | undefined): string {
  if (!r.followUp || !followUps) return '—';
  const phrase = esc(followUpPhrase(r.followUp, followUps.days));
  return `<span data-follow-up="${esc(r.followUp.status)}">${url ? `<a href="${esc(url)}">${phrase}</a>` : phrase}</span>`;
}

function caseRow(
  { record: r, reviewUrl, reviveUrl, deleteUrl, followUpUrl }: CaseRow,
  timeZone: string,
  followUps: FollowUpSwitch | undefined,
): string {
  const e = recordEntry(r);
  // Mail with no From still says what it was about.
  const company = e.company ?? r.original?.from?.address ?? (r.original?.subject || '—');
  const cell = reviewUrl ? `<a href="${esc(reviewUrl)}">${esc(company)}</a>` : esc(company);
  // The role under the company: on a phone, eight rows of one company must still differ.
  const role = e.role ? `<br><small>${esc(e.role)}</small>` : '';
  const contact =
    e.contactName || e.contactEmail
      ? `${esc(e.contactName ?? '')}${e.contactName && e.contactEmail ? '<br>' : ''}${e.contactEmail ? `<small>${esc(e.contactEmail)}</small>` : ''}`
      : '—';
  // Why no letter, only while there is none: a case drafted anyway is past its reason.
  const why = r.status === 'IGNORED' && r.reason ? `<br><small>${esc(r.reason.replace(/-/g, ' '))}</small>` : '';
  const to = e.letterTo ? `<br><small>to ${esc(e.letterTo)}</small>` : '';
  // The owner's own verdict on the email, where they gave one.
  const said = r.ownerLabel ? `<br><small>you said: ${esc(verdictWords(r.ownerLabel.label))}</small>` : '';
  const revive = reviveUrl
    ? `<form method="post" action="${esc(reviveUrl)}"><button class="secondary" type="submit" name="op" value="revive">Revive</button></form>`
    : '';
  // A case with a page offers its deletion there; one without (a stranger's mail) offers it here.
  const remove = !reviewUrl && deleteUrl ? `<br><small><a href="${esc(deleteUrl)}">delete…</a></small>` : '';
  return `<tr><td class="date">${dateCell(r, timeZone)}</td><td>${cell}${role}</td><td data-label="Contact">${contact}</td><td class="stage" data-label="Stage">${e.stage ? STAGE_WORDS[e.stage] : '—'}</td><td class="status" data-label="Letter" data-status="${esc(r.status)}">${esc(e.letter)}${why}${said}${to}${revive}${remove}</td><td data-label="Next follow-up">${followUpCell(r, followUpUrl, followUps)}</td></tr>`;
}

export function casesPage(view: CasesView): string {
  const { rows, filter, noise, timeZone, urls } = view;
  // Passing states (received, drafted, sending) last a second: no filter of their own.
  const filters = [null, ...CASE_STATUSES.filter((s) => !PASSING.includes(s) || s === filter)]
    .map((s) => {
      const label = s ? STATUS_LABEL[s] : 'all';
      return s === filter && !noise
        ? `<strong>${esc(label)}</strong>`
        : `<a href="${esc(urls.filter(s))}">${esc(label)}</a>`;
    })
    .join(' · ');
  // Noise is one click away, never in the record.
  const aside = noise
    ? `<strong>set aside (${view.noiseCount})</strong>`
    : `<a href="${esc(urls.noise)}">set aside (${view.noiseCount})</a>`;
  const table = `<table class="cases"><thead><tr><th>Rejected</th><th>Company, role</th><th>Contact</th><th>Stage</th><th>Letter</th><th>Next follow-up</th></tr></thead><tbody>${rows
    .map((row) => caseRow(row, timeZone, view.followUps))
    .join('')}</tbody></table>`;
  const body = rows.length
    ? table
    : noise
      ? '<p>Nothing set aside.</p>'
      : filter
        ? `<p>No cases with the status “${esc(STATUS_LABEL[filter])}”.</p>`
        : '<p>No cases yet. Forward a rejection to your onward address, or paste one, and it appears here.</p>';
  const heading = noise
    ? `<h2>Set aside</h2><p class="muted">Mail that is not part of your record: the same email forwarded again, mail from strangers, onward’s own mail come back, your replies it acted on. <a href="${esc(urls.filter(null))}">Back to your record</a></p>`
    : '';
  return page(
    'Cases',
    `<h1>Your cases</h1><p><a href="${esc(urls.paste)}">Paste a rejection</a> <small>— one you cannot forward: a LinkedIn message, a portal’s notice</small></p>${noise ? '' : searchChartSection(view.chart)}${view.followUps && !noise ? followUpSwitch(view.followUps) : ''}<p><a href="${esc(urls.export)}" download>Download all cases (CSV)</a> <small>— for a spreadsheet: one case a line</small></p><p class="muted">Show: ${filters} · ${aside}<br><small>Times in ${esc(timeZone)}.</small></p><section>${heading}${body}</section><p class="muted"><a href="${esc(urls.deleteAll)}">Delete everything…</a> <small>— every case and every email onward keeps</small></p>`,
  );
}

/** "Delete this case?": what goes, and the one button that does it (a signed POST). */
export function deleteCasePage(record: Case, postUrl: string, casesUrl: string, echoes: number): string {
  const what = record.extraction?.company ?? record.original?.subject ?? 'this case';
  const also = echoes
    ? ` With it go ${echoes} ${echoes === 1 ? 'copy or reply' : 'copies and replies'} about the same email.`
    : '';
  return page(
    'Delete this case?',
    `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Delete this case?</h1>
<p>“${esc(what)}” and the email you forwarded are deleted from onward: the case, the raw message, and who wrote it.${esc(also)} Nothing is sent to anyone. This cannot be undone.</p>
<form method="post" action="${esc(postUrl)}"><div class="actions"><button class="primary" type="submit" name="op" value="delete">Delete this case</button><a class="button" href="${esc(casesUrl)}">Keep it</a></div></form>`,
  );
}

/** What the owner types to delete everything: a phrase, not a click, so no stray tap does it. */
export const DELETE_ALL_PHRASE = 'delete everything';

/** "Delete everything?": every case, after the owner types the phrase. */
export function deleteAllPage(
  postUrl: string,
  casesUrl: string,
  exportUrl: string,
  count: number,
  problems: string[] = [],
): string {
  const alert = problems.length
    ? `<div role="alert" class="notice warn"><strong>Nothing was deleted:</strong><ul class="errors">${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : '';
  return page(
    'Delete everything?',
    `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Delete everything?</h1>
<p>All ${count} ${count === 1 ? 'case' : 'cases'} and every email onward keeps for them are deleted: recruiters’ names and addresses, the letters, the raw messages, and what you told onward about emails like them (“not a rejection”, “draft anyway”). Nothing is sent to anyone. This cannot be undone — <a href="${esc(exportUrl)}" download>download the CSV</a> first if you want to keep your record.</p>
${alert}<form method="post" action="${esc(postUrl)}"><label for="confirm">Type <strong>${DELETE_ALL_PHRASE}</strong> to confirm</label>
<input id="confirm" name="confirm" type="text" required autocomplete="off" spellcheck="false" autocapitalize="off">
<div class="actions"><button class="primary" type="submit" name="op" value="delete-all">Delete everything</button><a class="button" href="${esc(casesUrl)}">Keep my cases</a></div></form>`,
  );
}

export const deniedPage = () =>
  messagePage(
    'This link is not valid',
    'The link is damaged or was not made by onward. Open the newest email from onward and use its link.',
  );

/** What happened to the letter, as far as an expired link may say. */
function letterFate(record: Case | null | undefined, timeZone: string): string {
  switch (record?.status) {
    case 'SENT':
      return `Your letter was sent${record.sentAt ? ` on ${when(record.sentAt, timeZone)}` : ''}${record.letter?.to ? ` to ${record.letter.to}` : ''}; nothing more will be sent.`;
    case 'SENDING':
    case 'SEND_UNKNOWN':
      return 'Your letter may have left: check your Sent mail or the recipient before doing anything.';
    default:
      return 'Nothing was sent.';
  }
}

/** What the owner typed on a page whose link expired before they pressed Send. */
export interface TypedLetter {
  to: string;
  subject: string;
  body: string;
  detail: string;
}

/** What the owner typed, shown to copy: nothing of it was saved or sent. */
export function typedSection(typed: TypedLetter): string {
  return `<section aria-labelledby="typed"><h2 id="typed">What you typed</h2><p>Nothing was saved or sent. Copy it into the page the fresh link opens.</p>
<dl><dt>To</dt><dd>${esc(typed.to)}</dd><dt>Subject</dt><dd>${esc(typed.subject)}</dd>${typed.detail.trim() ? `<dt>One thing I liked</dt><dd>${esc(typed.detail)}</dd>` : ''}</dl>
<pre class="letter">${esc(typed.body)}</pre></section>`;
}

export const expiredPage = (
  refreshUrl: string,
  record: Case | null,
  casesLink: boolean,
  typed: TypedLetter | null,
  timeZone: string,
) =>
  messagePage(
    'This link has expired',
    // The cases link names no letter: it says nothing about one.
    `Links from onward stop working after a while so that old emails cannot act for you.${casesLink ? '' : ` ${letterFate(record, timeZone)}`}`,
    // What was typed comes first, and rides along with the request for a fresh link, so asking
    // for one does not lose it.
    `${typed ? typedSection(typed) : ''}<form method="post" action="${esc(refreshUrl)}">${
      typed
        ? (['to', 'subject', 'body', 'detail'] as const)
            .map((k) => `<input type="hidden" name="${k}" value="${esc(typed[k])}">`)
            .join('')
        : ''
    }<div class="actions"><button class="primary" type="submit" name="op" value="refresh">Email me a fresh link</button></div></form>`,
  );

/** A form far bigger than any letter: refused before it is read. */
export const tooLongPage = () =>
  messagePage(
    'Too long',
    'That is far more than a letter, so nothing was saved or sent. Go back, shorten it and press Send again.',
  );

export const notFoundPage = () => messagePage('Nothing here', 'onward has no case for this link.');

/** After a paste: it is being read, and its draft (or why there is none) comes by email. */
export function pastedPage(casesUrl: string, pasteUrl: string): string {
  return page(
    'Pasted: onward is reading it',
    `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Pasted: onward is reading it</h1>
<div role="status" class="notice"><p>onward reads it now, as it reads a forwarded email. Within a minute your draft letter comes to you by email, with its Review link — or, if it reads as no rejection, a note saying why, with <strong>Draft a thank-you anyway</strong>.</p></div>
<p>The case appears on <a href="${esc(casesUrl)}">your cases</a> as soon as it is read. Nothing is sent to anyone until you press Send.</p>
<p><a href="${esc(pasteUrl)}">Paste another rejection</a></p>`,
  );
}

/** What the owner typed on the paste page, kept when it comes back with problems. */
export interface PasteForm {
  text: string;
  from: string;
}

/** "Paste a rejection": for rejections that cannot be forwarded (a LinkedIn message, a portal). */
export function pastePage(postUrl: string, casesUrl: string, typed: PasteForm, problems: string[] = []): string {
  const alert = problems.length
    ? `<div role="alert" class="notice warn"><strong>Nothing was read yet:</strong><ul class="errors">${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : '';
  return page(
    'Paste a rejection',
    `<p class="muted"><a href="${esc(casesUrl)}">All cases</a></p><h1>Paste a rejection</h1>
<p>For a rejection you cannot forward — a LinkedIn message, a notice on a job portal, a mailbox that does not forward. onward reads it exactly as a forwarded email: you get the draft letter (or a note saying why none) by email, and the case joins your cases. Nothing is sent to anyone until you press Send.</p>
${alert}<form class="paste" method="post" action="${esc(postUrl)}">
<label for="text">The rejection</label>
<textarea id="text" name="text" required rows="14" aria-describedby="text-help">${esc(typed.text)}</textarea>
<p class="muted" id="text-help">The whole message. With its headers (From, Subject, Date — as “Show original” or a saved email has them) onward also knows who sent it and when.</p>
<label for="from">Who sent it <small>(optional)</small></label>
<input id="from" name="from" type="text" inputmode="email" spellcheck="false" autocapitalize="off" autocomplete="off" value="${esc(typed.from)}" placeholder="e.g. Jordan Lee <jordan@acme.com>" aria-describedby="from-help">
<p class="muted" id="from-help">Their email address, if you know it: the letter can then go to them.</p>
<div class="actions"><button class="primary" type="submit" name="op" value="paste">Read it and draft a letter</button></div></form>`,
  );
}

// The review page: exactly what will leave, editable, and its POST buttons (Send, Discard, Not a
// rejection). GET only renders.
import { RECIPIENT_PATTERN } from '../../core/mail/index.ts';
import {
  type Case,
  type CaseStatus,
  type Letter,
  LIKE_THIS,
  ownerSaid,
  verdictPhrase,
  when,
} from '../../core/case/index.ts';
import { hasPlaceholder } from '../../core/letter/index.ts';
import { writtenBy } from '../../core/notices/index.ts';
import { esc, page } from './layout.ts';

export interface ReviewView {
  record: Case;
  /** Form targets, each a signed single-action link. */
  sendUrl: string;
  discardUrl: string;
  /** After SES refused the letter: the POST target of "I sent it myself". */
  sentMyselfUrl: string;
  casesUrl: string;
  /** What the owner typed, when a Send came back with problems. */
  draft?: { letter: Letter; detail: string };
  problems?: string[];
  /** Why the page came back without sending, when nothing was wrong (the detail is in the letter to read). */
  notice?: string;
  /** A Send pressed again (or replayed) after the letter left. */
  alreadySent?: boolean;
  /** Addresses to offer for To: people found in the mail and earlier cases with the company. */
  candidates: { name: string | null; address: string; source: string }[];
  /** The email greets someone other than the owner (core/notify.ts addresseeWarning). */
  addresseeWarning?: string | null;
  /** For an expired or discarded draft: a POST target that brings it back for review. */
  reviveUrl?: string | null;
  /** The owner's time zone: times on the page are shown in it. */
  timeZone: string;
  /** Where the owner may still say the email is no rejection: the POST target that records it. */
  notRejectionUrl?: string | null;
  /** Once the letter left: its follow-up's page, and what is next for it in words. */
  followUp?: { url: string; phrase: string } | null;
  /** "Delete this case": the page that asks first (a GET), while the case rests in a state. */
  deleteUrl?: string | null;
}

/** At the foot of a case's page: the way to its deletion, which asks before it acts. */
export const deleteLink = (url: string | null | undefined) =>
  url
    ? `<p class="muted"><a href="${esc(url)}">Delete this case…</a> <small>— it and its email, from onward</small></p>`
    : '';

const STATUS_TEXT: Partial<Record<CaseStatus, [string, string]>> = {
  AWAITING_APPROVAL: ['', 'Nothing has been sent. Check the letter, change anything you like, then press Send.'],
  SEND_FAILED: [
    'warn',
    'The mail service refused the letter, so nothing was sent. You can fix it and press Send again.',
  ],
  SEND_UNKNOWN: [
    'warn',
    'The connection broke while the letter was being sent: it may or may not have left. onward will not send it again by itself; check your Sent mail or the recipient before doing anything.',
  ],
  SENDING: ['warn', 'The letter is being sent right now.'],
  DISCARDED: ['', 'You discarded this draft. Nothing was sent.'],
  EXPIRED: ['warn', 'This draft waited too long and expired. Nothing was sent.'],
  IGNORED: ['', 'onward drafted no letter for this email.'],
};

function original(record: Case, timeZone: string): string {
  const o = record.original;
  if (!o) return '';
  const from = o.from ? `${o.from.name ? `${o.from.name} ` : ''}<${o.from.address}>` : 'unknown';
  return `<section aria-labelledby="orig"><h2 id="orig">The email you forwarded</h2><dl>
<dt>From</dt><dd>${esc(from)}</dd><dt>Date</dt><dd>${esc(o.date ? when(o.date, timeZone) : 'not given')}</dd>
<dt>Subject</dt><dd>${esc(o.subject || '(no subject)')}</dd></dl>
<h3 class="excerpt-title muted">Excerpt</h3><blockquote>${esc(o.excerpt)}</blockquote></section>`;
}

function detected(record: Case): string {
  const c = record.classification;
  const x = record.extraction;
  if (!c || !x) return '';
  const yes = x.interviewed === null ? 'not stated' : x.interviewed ? 'yes' : 'no';
  const by = writtenBy(x);
  return `<section aria-labelledby="det"><h2 id="det">What onward detected</h2><dl>
<dt>Company</dt><dd>${esc(x.company ?? 'not found')}</dd><dt>Role</dt><dd>${esc(x.role ?? 'not found')}</dd>
<dt>Contact</dt><dd>${esc(x.contactName ?? 'not found')}${x.contactEmail ? ` &lt;${esc(x.contactEmail)}&gt;` : ''}</dd>${by ? `<dt>Written by</dt><dd>${esc(by)}</dd>` : ''}
<dt>Interviewed</dt><dd>${esc(yes)}</dd>
<dt>Verdict</dt><dd>${esc(verdictPhrase(c))}</dd>
<dt>Why</dt><dd><ul>${(c.reasons.length ? c.reasons : ['no decisive phrase found']).map((r) => `<li>${esc(r)}</li>`).join('')}</ul></dd></dl></section>`;
}

function recipientHelp(view: ReviewView, letter: Letter): string {
  const x = view.record.extraction;
  // "Other" recipients: the one already in To is not news.
  const others = view.candidates.filter((c) => c.address.toLowerCase() !== (letter.to ?? '').toLowerCase());
  const list = others.length
    ? `<p>People onward found who could receive it:</p><ul>${others
        .map((c) => `<li>${esc(c.name ?? '')} <code>${esc(c.address)}</code> <small>(${esc(c.source)})</small></li>`)
        .join('')}</ul>`
    : '';
  if (letter.to) return list ? `<details><summary>Other possible recipients</summary>${list}</details>` : '';
  const from = view.record.original?.from?.address;
  const why = x?.noReplySender
    ? `The rejection came from a no-reply or team address${from ? ` (${esc(from)})` : ''}: nobody reads it, so there is nobody to thank there.`
    : 'onward found no address for the person who wrote to you.';
  return `<div class="notice warn" id="to-help">${why} Type the address of the person you want to thank — the interviewer or the recruiter you spoke with.${list}</div>`;
}

function editForm(view: ReviewView): string {
  const letter = view.draft?.letter ?? view.record.letter!;
  const detail = view.draft?.detail ?? '';
  const problems = view.problems?.length
    ? `<div role="alert" class="notice warn"><strong>Not sent yet:</strong><ul class="errors">${view.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : view.notice
      ? `<div role="alert" class="notice"><strong>Not sent yet:</strong> ${esc(view.notice)}</div>`
      : '';
  const options = view.candidates
    .map((c) => `<option value="${esc(c.address)}">${esc(c.name ?? c.source)}</option>`)
    .join('');
  const marked = hasPlaceholder(letter.body);
  const detailHelp = marked
    ? `<p class="notice" id="detail-help">The letter has a marked paragraph: write one true thing you liked here and it takes that paragraph’s place, after “I especially liked …” (“the tour of your office”) or as your own sentence (“The whiteboard exercise was fun.”, shown to you in the letter before anything is sent) — or delete that paragraph from the letter. onward never makes one up.</p>`
    : '';
  // The letter box shows the whole letter without an inner scroll bar.
  const rows = Math.min(40, Math.max(12, letter.body.split('\n').length + 4));
  // Enter in a one-line field submits a form through its first button: a disabled one there means
  // Enter sends nothing — a letter leaves only when Send itself is pressed.
  return `${problems}<form class="letter" method="post" action="${esc(view.sendUrl)}">
<button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>
<label for="to">To</label>
<input id="to" name="to" type="text" inputmode="email" spellcheck="false" autocapitalize="off" required autocomplete="off" list="people" pattern="${esc(RECIPIENT_PATTERN)}" title="One email address, e.g. jordan@acme.com or Jordan Lee &lt;jordan@acme.com&gt;" value="${esc(letter.to ?? '')}"${letter.to ? '' : ' aria-describedby="to-help"'}>
<datalist id="people">${options}</datalist>
${recipientHelp(view, letter)}
<label for="subject">Subject</label>
<input id="subject" name="subject" required value="${esc(letter.subject)}">
<label for="detail">One thing I liked — about the interview, the people or the role <small>(optional)</small></label>
<input id="detail" name="detail" value="${esc(detail)}" placeholder="e.g. that you include assistants in product training"${marked ? ' aria-describedby="detail-help"' : ''}>
${detailHelp}
<label for="body">Letter</label>
<textarea id="body" name="body" required spellcheck="true" rows="${rows}">${esc(letter.body)}</textarea>
<p class="muted">It leaves from your onward address with your name, replies come to you${letter.inReplyTo ? ', in the same thread as their email' : ''}.</p>
<div class="actions"><button class="primary" type="submit" name="op" value="send">Send</button>
<button class="secondary" type="submit" name="op" value="discard" formaction="${esc(view.discardUrl)}" formnovalidate>Discard</button>${
    view.notRejectionUrl
      ? '\n<button class="secondary" type="submit" form="not-rejection" name="op" value="not-rejection" aria-describedby="not-rejection-help">Not a rejection</button>'
      : ''
  }</div>${view.notRejectionUrl ? notRejectionHelp(true) : ''}</form>${
    view.notRejectionUrl ? `<form id="not-rejection" method="post" action="${esc(view.notRejectionUrl)}"></form>` : ''
  }`;
}

const notRejectionHelp = (discards: boolean) =>
  `<p class="muted" id="not-rejection-help">Not a rejection at all? Press Not a rejection: ${discards ? 'the draft is discarded, nothing is sent, and ' : ''}onward reads ${esc(LIKE_THIS)} that way from now on.</p>`;

/** "Not a rejection" where there is no letter to edit: a letter that left, or a draft discarded or expired. */
function notRejectionForm(url: string): string {
  return `<form method="post" action="${esc(url)}"><div class="actions"><button class="secondary" type="submit" name="op" value="not-rejection" aria-describedby="not-rejection-help">Not a rejection</button></div>${notRejectionHelp(false)}</form>`;
}

/** RFC 6068: every reserved character percent-encoded, line breaks as CRLF. */
const mailtoPart = (value: string): string => encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));

/** A mailto: link that opens the owner's mail program with the letter in it. */
function mailtoLink(letter: Letter): string {
  return `mailto:${encodeURIComponent(letter.to ?? '').replace(/%40/g, '@')}?subject=${mailtoPart(letter.subject)}&body=${mailtoPart(letter.body)}`;
}

/**
 * SES would not send it. The pages run no scripts (the CSP forbids them), so "copy" is a
 * read-only box whose text the owner selects and copies; the mailto: link does the rest in one
 * click where a mail program is set up.
 */
function ownMail(view: ReviewView, letter: Letter): string {
  if (!letter.to) return '';
  const sandbox = /not verified/i.test(view.record.failure ?? '')
    ? '<p>Your AWS account is still in the SES <em>sandbox</em>: until AWS grants it production access, SES sends only to addresses you verified, and an interviewer’s never is (see “The SES sandbox” in onward’s guide).</p>'
    : '';
  const copy = `To: ${letter.to}\nSubject: ${letter.subject}\n\n${letter.body}`;
  return `<section aria-labelledby="own"><h2 id="own">Send from my own mail</h2>${sandbox}<p>Send the letter yourself: <a class="button" href="${esc(mailtoLink(letter))}">Open it in my mail program</a>, or copy it from the box below (select all inside it, then copy) into a new email${letter.inReplyTo ? ' — or into a reply to their email, to keep the thread' : ''}.</p><label for="copy">The letter, to copy</label><textarea id="copy" readonly rows="${Math.min(30, copy.split('\n').length + 2)}">${esc(copy)}</textarea><form method="post" action="${esc(view.sentMyselfUrl)}"><p>Once it has left your mailbox, record it here: onward will not send it.</p><div class="actions"><button class="secondary" type="submit" name="op" value="sent-myself">I sent it myself</button></div></form></section>`;
}

function sentLetter(record: Case, again: boolean, timeZone: string): string {
  const l = record.letter!;
  const to = l.toName ? `${l.toName} <${l.to}>` : l.to;
  if (record.sentBy === 'owner')
    return `<div class="notice ok" role="status"><strong>Sent by you.</strong> You sent this letter from your own mail; onward recorded it on ${esc(when(record.sentAt, timeZone))} and will never send it.</div><section aria-labelledby="sent"><h2 id="sent">The letter you sent</h2><dl><dt>To</dt><dd>${esc(to)}</dd><dt>Subject</dt><dd>${esc(l.subject)}</dd></dl><pre class="letter sent">${esc(l.body)}</pre></section>`;
  const headline = again ? '<strong>Already sent.</strong> Nothing more was sent.' : '<strong>Sent.</strong>';
  return `<div class="notice ok" role="status">${headline} The letter left on ${esc(when(record.sentAt, timeZone))}. It was sent once and will not be sent again.</div>
<section aria-labelledby="sent"><h2 id="sent">The letter as sent</h2><dl><dt>To</dt><dd>${esc(to)}</dd><dt>Subject</dt><dd>${esc(l.subject)}</dd></dl>
<pre class="letter sent">${esc(l.body)}</pre></section>`;
}

export function reviewPage(view: ReviewView): string {
  const { record } = view;
  const x = record.extraction;
  const title = `Thank-you letter${x?.company ? ` to ${x.company}` : ''}${x?.role ? ` — ${x.role}` : ''}`;
  const editable = record.letter && (record.status === 'AWAITING_APPROVAL' || record.status === 'SEND_FAILED');
  let main: string;
  const said = record.ownerLabel ? esc(ownerSaid(record.ownerLabel)) : '';
  const notRejection = !editable && view.notRejectionUrl ? notRejectionForm(view.notRejectionUrl) : '';
  if (record.status === 'SENT' && record.letter)
    main = `${sentLetter(record, view.alreadySent === true, view.timeZone)}${
      view.followUp ? `<p>Next: <a href="${esc(view.followUp.url)}">${esc(view.followUp.phrase)}</a></p>` : ''
    }${said ? `<div class="notice">${said}</div>` : ''}${notRejection}`;
  else {
    // Discarded after a send that may have gone through: "nothing was sent" would not be true.
    const [tone, text] =
      record.status === 'DISCARDED' && record.discardedFrom === 'SEND_UNKNOWN'
        ? [
            'warn',
            'You discarded this letter. It may have left before you did: check with the recipient; onward will never send it again.',
          ]
        : record.status === 'DISCARDED' && record.ownerLabel?.label === 'not_rejection'
          ? ['', 'The draft is discarded. Nothing was sent.']
          : (STATUS_TEXT[record.status] ?? ['', `Status: ${record.status}`]);
    const failure = record.failure ? `<br><small>${esc(record.failure)}</small>` : '';
    // A letter that may have left can only be discarded, once the owner has checked.
    const discardOnly =
      record.status === 'SEND_UNKNOWN'
        ? `<form method="post" action="${esc(view.discardUrl)}"><div class="actions"><button class="secondary" type="submit" name="op" value="discard">Discard this draft</button></div></form>`
        : view.reviveUrl
          ? `<form method="post" action="${esc(view.reviveUrl)}"><div class="actions"><button class="primary" type="submit" name="op" value="revive">Bring it back to review</button></div>${
              record.ownerLabel?.label === 'not_rejection'
                ? '<p class="muted">Bringing it back tells onward this email is a rejection after all.</p>'
                : ''
            }</form>`
          : '';
    const warning =
      editable && view.addresseeWarning ? `<div class="notice warn">${esc(view.addresseeWarning)}</div>` : '';
    const own = record.status === 'SEND_FAILED' && record.letter ? ownMail(view, record.letter) : '';
    main = `<div class="notice ${tone}" role="status">${esc(text)}${failure}${said ? `<br>${said}` : ''}</div>${warning}${editable ? editForm(view) : `${discardOnly}${notRejection}`}${own}`;
  }
  return page(
    title,
    `<p class="muted"><a href="${esc(view.casesUrl)}">All cases</a></p><h1>${esc(title)}</h1>${main}${detected(record)}${original(record, view.timeZone)}${deleteLink(view.deleteUrl)}`,
  );
}

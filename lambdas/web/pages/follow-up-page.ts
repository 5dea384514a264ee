// The follow-up's page: exactly what will leave, editable, and its POST buttons (Send, Not now,
// Stop; Follow up again once one left). GET only renders.
import {
  type Case,
  type FollowUpStatus,
  type Letter,
  SNOOZE_DAYS,
  followUpDueAt,
  when,
} from '../../core/case/index.ts';
import { RECIPIENT_PATTERN } from '../../core/mail/index.ts';
import { esc, page } from './layout.ts';

export interface FollowUpView {
  record: Case;
  /** Form targets, each a signed single-action link bound to this round. */
  sendUrl: string;
  snoozeUrl: string;
  stopUrl: string;
  againUrl: string;
  casesUrl: string;
  /** The thank-you's own page. */
  thankYouUrl: string;
  /** What the owner typed, when a Send came back with problems. */
  draft?: Letter;
  problems?: string[];
  alreadySent?: boolean;
  timeZone: string;
  followUpDays: number;
}

const STATUS_TEXT: Record<FollowUpStatus, [string, string]> = {
  SCHEDULED: ['', 'Not drafted yet.'],
  AWAITING_APPROVAL: [
    '',
    'Nothing has been sent. Write the marked line (or delete it), change anything you like, then press Send.',
  ],
  SENDING: ['warn', 'The follow-up is being sent right now.'],
  SENT: ['ok', 'Sent.'],
  SEND_FAILED: [
    'warn',
    'The mail service refused the follow-up, so nothing was sent. You can fix it and press Send again.',
  ],
  SEND_UNKNOWN: [
    'warn',
    'The connection broke while the follow-up was being sent: it may or may not have left. onward will not send it again by itself.',
  ],
  STOPPED: ['', 'No follow-up on this case.'],
};

function stopped(record: Case): string {
  switch (record.followUp?.stopped) {
    case 'answered':
      return 'They answered your letter (you forwarded their answer), so onward sends no follow-up.';
    case 'bounced':
      return 'Your letter to this address bounced (or was marked as spam), so onward drafts no follow-up to it.';
    default:
      return 'You stopped follow-ups for this case.';
  }
}

const button = (url: string, op: string, label: string, kind = 'secondary') =>
  `<form method="post" action="${esc(url)}"><div class="actions"><button class="${kind}" type="submit" name="op" value="${op}">${esc(label)}</button></div></form>`;

function editForm(view: FollowUpView, letter: Letter): string {
  const problems = view.problems?.length
    ? `<div role="alert" class="notice warn"><strong>Not sent yet:</strong><ul class="errors">${view.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : '';
  const rows = Math.min(40, Math.max(12, letter.body.split('\n').length + 4));
  // As on the thank-you's page: Enter in a one-line field sends nothing.
  return `${problems}<form class="letter" method="post" action="${esc(view.sendUrl)}">
<button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>
<label for="to">To</label>
<input id="to" name="to" type="text" inputmode="email" spellcheck="false" autocapitalize="off" required autocomplete="off" pattern="${esc(RECIPIENT_PATTERN)}" value="${esc(letter.to ?? '')}">
<label for="subject">Subject</label>
<input id="subject" name="subject" required value="${esc(letter.subject)}">
<label for="body">Follow-up</label>
<textarea id="body" name="body" required spellcheck="true" rows="${rows}">${esc(letter.body)}</textarea>
<p class="muted">It leaves from your onward address with your name, in the same thread as your thank-you; replies come to you.</p>
<div class="actions"><button class="primary" type="submit" name="op" value="send">Send</button>
<button class="secondary" type="submit" name="op" value="snooze" formaction="${esc(view.snoozeUrl)}" formnovalidate>Not now</button>
<button class="secondary" type="submit" name="op" value="stop" formaction="${esc(view.stopUrl)}" formnovalidate>Stop follow-ups for this case</button></div>
<p class="muted">Not now: onward asks again in ${SNOOZE_DAYS} days, with the letter as you left it. Stop: no follow-up on this case.</p></form>`;
}

export function followUpPage(view: FollowUpView): string {
  const { record } = view;
  const f = record.followUp!;
  const x = record.extraction;
  const title = `Follow-up${x?.company ? ` to ${x.company}` : ''}${x?.role ? ` — ${x.role}` : ''}`;
  const [tone, text] = STATUS_TEXT[f.status];
  const failure = f.failure ? `<br><small>${esc(f.failure)}</small>` : '';
  let main: string;
  switch (f.status) {
    case 'AWAITING_APPROVAL':
    case 'SEND_FAILED':
      main = `<div class="notice ${tone}" role="status">${esc(text)}${failure}</div>${editForm(view, view.draft ?? f.letter!)}`;
      break;
    case 'SENT': {
      const l = f.letter!;
      const headline = view.alreadySent
        ? '<strong>Already sent.</strong> Nothing more was sent.'
        : '<strong>Sent.</strong>';
      main = `<div class="notice ok" role="status">${headline} The follow-up left on ${esc(when(f.sentAt, view.timeZone))}, once.</div>
<section aria-labelledby="sent"><h2 id="sent">The follow-up as sent</h2><dl><dt>To</dt><dd>${esc(l.to)}</dd><dt>Subject</dt><dd>${esc(l.subject)}</dd></dl>
<pre class="letter sent">${esc(l.body)}</pre></section>${button(view.againUrl, 'again', 'Follow up again')}<p class="muted">Follow up again: onward drafts another ${view.followUpDays} days from now.</p>`;
      break;
    }
    case 'SCHEDULED':
      main = `<div class="notice" role="status">onward drafts this follow-up on ${esc(when(followUpDueAt(f, view.followUpDays).toISOString(), view.timeZone))} and mails it to you; nothing leaves without your Send.</div>${button(view.stopUrl, 'stop', 'Stop follow-ups for this case')}`;
      break;
    case 'STOPPED':
      main = `<div class="notice" role="status">${esc(stopped(record))}</div>${button(view.againUrl, 'again', 'Follow up again')}`;
      break;
    case 'SEND_UNKNOWN':
      main = `<div class="notice warn" role="status">${esc(text)}${failure}</div>${button(view.stopUrl, 'stop', 'Stop follow-ups for this case')}`;
      break;
    default:
      main = `<div class="notice ${tone}" role="status">${esc(text)}</div>`;
  }
  return page(
    title,
    `<p class="muted"><a href="${esc(view.casesUrl)}">All cases</a> · <a href="${esc(view.thankYouUrl)}">Your thank-you letter</a></p><h1>${esc(title)}</h1>${main}`,
  );
}

// What onward tells its owner: the draft to approve, or why it drafted nothing. Plain text, so
// nothing from the recruiter's mail can render as markup in the owner's inbox.
import {
  type Case,
  type IgnoreReason,
  type Letter,
  LIKE_THIS,
  type Refusal,
  type RefusalCause,
  verdictPhrase,
  when,
} from '../case/index.ts';
import { hasPlaceholder, noLetterReason } from '../letter/index.ts';
import { greetsSomeoneElse } from '../names/index.ts';
import type { Classification } from '../classify/index.ts';
import type { Extraction } from '../extract/index.ts';

export interface OwnerMessage {
  subject: string;
  text: string;
}

const yesNo = (v: boolean | null): string => (v === null ? 'not stated' : v ? 'yes' : 'no');

/**
 * For mail a recruitment agency wrote: who wrote it and for whom ("Tessa Morrow at Brightfield
 * Search for Oakhurst Foods"), so the owner knows the letter thanks the client through the
 * recruiter. Null for mail the employer wrote itself.
 */
export function writtenBy(x: Extraction | undefined): string | null {
  // Cases recorded before agencies were read have no such field.
  if (!x?.agency) return null;
  return `${x.contactName ?? 'a recruiter'} at ${x.agency} for ${x.company ?? 'a client the email does not name'}`;
}

function detected(c: Classification, x: Extraction): string[] {
  const by = writtenBy(x);
  return [
    'What onward detected',
    `  Company:      ${x.company ?? 'not found'}`,
    `  Role:         ${x.role ?? 'not found'}`,
    `  Interviewer:  ${x.contactName ?? 'not found'}${x.contactEmail ? ` <${x.contactEmail}>` : ''}`,
    ...(by ? [`  Written by:   ${by}`] : []),
    `  Interviewed:  ${yesNo(x.interviewed)}`,
    `  Verdict:      ${verdictPhrase(c)}`,
    '  Why:',
    ...(c.reasons.length ? c.reasons.map((r: string) => `    - ${r}`) : ['    - no decisive phrase found']),
  ];
}

function recipientLine(letter: Letter, x: Extraction, originalFrom: string | null): string {
  if (letter.to) return `To:      ${letter.toName ? `${letter.toName} <${letter.to}>` : letter.to}`;
  const why = x.noReplySender
    ? `the rejection came from a no-reply or team address${originalFrom ? ` (${originalFrom})` : ''}, so there is nobody to thank there`
    : 'onward found no address to send it to';
  return `To:      nobody yet — ${why}. Choose the recipient on the review page.`;
}

function headline(x: Extraction): string {
  return [x.company, x.role].filter(Boolean).join(' — ') || 'your forwarded rejection';
}

/** The warning for mail that greets someone other than the owner, or null. */
export function addresseeWarning(extraction: Extraction | undefined, ownerName: string): string | null {
  return extraction && greetsSomeoneElse(extraction.greeting, ownerName)
    ? `This email greets “${extraction.greeting}”, not you (${ownerName}): check it was meant for you before sending a letter.`
    : null;
}

export function draftMessage(
  record: Case,
  links: { review: string; cases: string },
  owner: { name: string },
): OwnerMessage {
  const { letter, classification, extraction, original } = record;
  if (!letter || !classification || !extraction) throw new Error('draftMessage needs a drafted case');
  const warning = addresseeWarning(extraction, owner.name);
  return {
    subject: `Draft thank-you: ${headline(extraction)}`,
    text: [
      'onward drafted a thank-you letter for the rejection you forwarded. Nothing is sent until you press Send.',
      ...(warning ? ['', `Note: ${warning}`] : []),
      '',
      `Review, edit and send: ${links.review}`,
      '',
      recipientLine(letter, extraction, original?.from?.address ?? null),
      `Subject: ${letter.subject}`,
      '',
      '------------------------------------------------------------',
      letter.body,
      '------------------------------------------------------------',
      '',
      ...detected(classification, extraction),
      '',
      ...(!letter.to
        ? [
            'A reply cannot choose the recipient: pick one on the review page and send from there. You can still answer this email with your revised letter (it comes back to you as a new draft), or "discard" to drop it.',
          ]
        : hasPlaceholder(letter.body)
          ? [
              'Or answer this email with your revised letter — fill in or delete the marked paragraph — and it comes back to you as a new draft; reply "send" to that one. Reply "discard" to drop it.',
            ]
          : [
              'Or answer this email: reply "send" to send the letter exactly as shown, "discard" to drop it, or reply with your revised letter (it comes back to you as a new draft; nothing is sent without your "send").',
            ]),
      '',
      NOT_A_REJECTION_HINT,
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

const NOT_A_REJECTION_HINT = `Not a rejection at all? Reply "not a rejection", or press Not a rejection on the review page: the draft is discarded, nothing is sent, and onward reads ${LIKE_THIS} that way from now on.`;

const LOOKED_LIKE: Partial<Record<IgnoreReason, string>> = {
  'not-a-rejection': 'did not look like a rejection',
  unsure: 'might be a rejection, but onward is not sure',
};

export function noticeMessage(record: Case, links: { draftAnyway: string; cases: string }): OwnerMessage {
  const { classification, extraction, original } = record;
  if (!classification || !extraction) throw new Error('noticeMessage needs a classified case');
  if (record.reason === 'no-letter-suggested') {
    return {
      subject: `Recorded: ${original?.subject || headline(extraction)}`,
      text: [
        `Recorded. No letter suggested: ${noLetterReason(extraction) ?? 'nobody wrote it'}.`,
        '',
        ...detected(classification, extraction),
        '',
        `Write one anyway: ${links.draftAnyway}`,
        '',
        `All your cases: ${links.cases}`,
      ].join('\n'),
    };
  }
  const looked = LOOKED_LIKE[record.reason ?? 'not-a-rejection'] ?? 'was set aside';
  return {
    subject: `No letter drafted: ${original?.subject || headline(extraction)}`,
    text: [
      `The email you forwarded ${looked}, so onward drafted no thank-you letter.`,
      // The first piece of evidence says what the email is: "invites you to interview: “…”".
      `What onward saw: ${classification.reasons[0] ?? 'no rejection phrase found'}.`,
      '',
      ...detected(classification, extraction),
      '',
      `If it is a rejection after all, draft a thank-you anyway: ${links.draftAnyway}`,
      `— or reply "draft" to this email. onward then reads ${LIKE_THIS} as rejections.`,
      ...(record.reason === 'unsure'
        ? ['', `Not a rejection? Reply "not a rejection", and onward reads ${LIKE_THIS} that way from now on.`]
        : []),
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

/** A draft that waited past the link lifetime: nothing left, and one link brings it back as it was. */
export function expiredMessage(record: Case, links: { review: string; cases: string }, days: number): OwnerMessage {
  const about = record.extraction
    ? headline(record.extraction)
    : record.original?.subject || 'your forwarded rejection';
  return {
    subject: `Draft expired: ${about}`,
    text: [
      `Your draft thank-you letter waited ${days} day${days === 1 ? '' : 's'} without being sent, so it expired: nothing was sent,`,
      'and the links in its draft email no longer work.',
      '',
      `Still want to send it? Open it and press "Bring it back to review": ${links.review}`,
      'It comes back as you left it, with fresh links.',
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

/** The same rejection forwarded again: where its letter already is, and that nothing new was drafted. */
export function duplicateMessage(
  record: Case,
  earlier: Case,
  links: { review: string; cases: string },
  timeZone: string,
): OwnerMessage {
  const letter = earlier.letter;
  const where =
    earlier.status === 'SENT' && letter
      ? `Its thank-you letter was already sent to ${letter.to}${earlier.sentAt ? ` on ${when(earlier.sentAt, timeZone)}` : ''}.`
      : letter
        ? 'Its thank-you letter is still waiting for you on its review page.'
        : 'onward recorded it and suggested no letter; you can still write one from its page.';
  return {
    subject: `Already forwarded: ${record.original?.subject || earlier.original?.subject || 'your rejection'}`,
    text: [
      `You forwarded this email before, on ${when(earlier.receivedAt, timeZone)}. ${where}`,
      'onward drafted no second letter, so nobody is thanked twice.',
      '',
      `The first one: ${links.review}`,
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

const list = (domains: readonly string[]): string => (domains.length ? domains.join(', ') : 'no domain');

/** For each cause: what happened, and what to change. `r` is the refusal, `d` the From domain. */
const REFUSED: Record<RefusalCause, (r: Refusal, d: string) => string[]> = {
  'dmarc-fail': (r, d) => [
    `It came From your address ${r.account}, but failed ${d}'s DMARC check: ${d} publishes a DMARC policy, and`,
    `this message was neither signed (DKIM) for ${d} nor sent (SPF) from a server ${d} allows.`,
    '',
    'What to change: forward from your provider itself (its web mail or app), not through another service',
    `that sends "as" ${r.account}; or forward the email as an attachment from there.`,
    'If you did not send it, someone posed as you: nothing was done with it.',
  ],
  'not-aligned': (r, d) => [
    `It came From your address ${r.account}. ${d} publishes no DMARC record, so onward checked alignment itself:`,
    `the message had to be signed (DKIM) for ${d}, or sent from an envelope address at ${d} that passes SPF.`,
    `It was signed for ${list(r.dkimDomains)}, and its envelope was at ${r.envelopeDomain || 'no domain'}.`,
    '',
    `What to change: turn on DKIM signing for ${d} at your mail provider, and publish a DMARC record, e.g.`,
    `  _dmarc.${d}  TXT  "v=DMARC1; p=none"`,
    'Or forward from a mailbox whose provider signs for its own domain (Gmail, Outlook.com), and add that',
    'address to allowedSenders.',
    'If you did not send it, someone posed as you: nothing was done with it.',
  ],
  unverifiable: (r, d) => [
    `It came From your address ${r.account}, but SES could not check ${d}'s DMARC record just then (a DNS`,
    'lookup failed), and the message was not signed or sent in a way onward could check by itself.',
    '',
    'What to change: forward it again in a few minutes. If this keeps happening, check that the DNS of',
    `${d} answers, and turn on DKIM signing for ${d}.`,
  ],
  'forward-unauthenticated': (r) => [
    `It was forwarded automatically from your account ${r.account}, but the forwarding server is not one`,
    `that ${r.envelopeDomain}'s SPF record allows, so onward cannot tell it from mail that only claims to be`,
    'your forward.',
    '',
    `What to change: forward from the provider that hosts ${r.account} (its own forwarding settings or`,
    'filters), or forward the email by hand, as an attachment.',
  ],
  'forwarder-not-allowed': (r) => [
    `It was forwarded automatically from ${r.account}, which is not on the list of addresses allowed to`,
    'forward to onward.',
    '',
    `What to change: if ${r.account} is yours, add it to allowedSenders — on AWS redeploy with`,
    `  -c allowedSenders=${r.account}   (with any others, comma-separated)`,
    `and with npm start set ONWARD_ALLOWED_SENDERS=${r.account}. If it is not yours, nothing was done.`,
  ],
  spam: (r) => [
    `It came from you (${r.account}), but SES judged it spam, and onward never drafts from mail marked so.`,
    '',
    'What to change: forward the rejection by hand as an attachment, or write the letter yourself.',
  ],
  virus: (r) => [
    `It came from you (${r.account}), but SES found a virus in it. onward did nothing with it.`,
    '',
    'What to change: do not open its attachments; forward the rejection again without them.',
  ],
};

/**
 * Mail that plausibly came from the owner was refused: what, why, and what to change. Sent once
 * per cause per day, so a forger cannot flood the owner with these.
 */
export function refusalMessage(record: Case, links: { cases: string }, timeZone: string): OwnerMessage {
  const refusal = record.refusal;
  if (!refusal) throw new Error('refusalMessage needs a refused case');
  const domain = refusal.account.slice(refusal.account.lastIndexOf('@') + 1);
  return {
    subject: `Not accepted: ${refusal.subject || 'an email forwarded to onward'}`,
    text: [
      `onward received an email on ${when(record.receivedAt, timeZone)}${refusal.subject ? ` (“${refusal.subject}”)` : ''} and did not accept it.`,
      '',
      ...REFUSED[refusal.cause](refusal, domain),
      '',
      'onward tells you about this once a day at most, for each kind of problem.',
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

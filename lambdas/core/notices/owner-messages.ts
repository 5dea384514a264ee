// What onward tells its owner: the draft to approve, or why it drafted nothing. Plain text, so
// nothing from the recruiter's mail can render as markup in the owner's inbox.
import { type Case, type IgnoreReason, type Letter, LIKE_THIS, when } from '../case/index.ts';
import { hasPlaceholder } from '../letter/index.ts';
import { greetsSomeoneElse } from '../names/index.ts';
import type { Classification } from '../classify/index.ts';
import type { Extraction } from '../extract/index.ts';

export interface OwnerMessage {
  subject: string;
  text: string;
}

const yesNo = (v: boolean | null): string => (v === null ? 'not stated' : v ? 'yes' : 'no');

function detected(c: Classification, x: Extraction): string[] {
  return [
    'What onward detected',
    `  Company:      ${x.company ?? 'not found'}`,
    `  Role:         ${x.role ?? 'not found'}`,
    `  Interviewer:  ${x.contactName ?? 'not found'}${x.contactEmail ? ` <${x.contactEmail}>` : ''}`,
    `  Interviewed:  ${yesNo(x.interviewed)}`,
    `  Verdict:      ${c.verdict.replace('_', ' ')} (${c.kind}, confidence ${c.confidence.toFixed(2)})`,
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

export function draftMessage(record: Case, links: { review: string; cases: string }, ownerName: string): OwnerMessage {
  const { letter, classification, extraction, original } = record;
  if (!letter || !classification || !extraction) throw new Error('draftMessage needs a drafted case');
  const warning = addresseeWarning(extraction, ownerName);
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
            'A reply cannot choose the recipient: pick one on the review page and send from there. You can still',
            'answer this email with your revised letter (it comes back to you as a new draft), or "discard" to drop it.',
          ]
        : hasPlaceholder(letter.body)
          ? [
              'Or answer this email with your revised letter — fill in or delete the marked paragraph — and it',
              'comes back to you as a new draft; reply "send" to that one. Reply "discard" to drop it.',
            ]
          : [
              'Or answer this email: reply "send" to send the letter exactly as shown, "discard" to drop it,',
              'or reply with your revised letter (it comes back to you as a new draft; nothing is sent without your "send").',
            ]),
      '',
      NOT_A_REJECTION_HINT,
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

const NOT_A_REJECTION_HINT = [
  'Not a rejection at all? Reply "not a rejection", or press Not a rejection on the review page: the draft',
  `is discarded, nothing is sent, and onward reads ${LIKE_THIS} that way from now on.`,
].join('\n');

const LOOKED_LIKE: Partial<Record<IgnoreReason, string>> = {
  'not-a-rejection': 'did not look like a rejection',
  unsure: 'might be a rejection, but onward is not sure',
};

export function noticeMessage(record: Case, links: { draftAnyway: string; cases: string }): OwnerMessage {
  const { classification, extraction, original } = record;
  if (!classification || !extraction) throw new Error('noticeMessage needs a classified case');
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

/** The same rejection forwarded again: where its letter already is, and that nothing new was drafted. */
export function duplicateMessage(record: Case, earlier: Case, links: { review: string; cases: string }): OwnerMessage {
  const letter = earlier.letter;
  const where =
    earlier.status === 'SENT' && letter
      ? `Its thank-you letter was already sent to ${letter.to}${earlier.sentAt ? ` on ${when(earlier.sentAt)}` : ''}.`
      : 'Its thank-you letter is still waiting for you on its review page.';
  return {
    subject: `Already forwarded: ${record.original?.subject || earlier.original?.subject || 'your rejection'}`,
    text: [
      `You forwarded this email before, on ${when(earlier.receivedAt)}. ${where}`,
      'onward drafted no second letter, so nobody is thanked twice.',
      '',
      `The first one: ${links.review}`,
      '',
      `All your cases: ${links.cases}`,
    ].join('\n'),
  };
}

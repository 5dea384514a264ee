// What onward tells its owner about a follow-up: its draft, to approve like the thank-you's.
import { type Case, dayOf, SNOOZE_DAYS } from '../case/index.ts';
import { SINCE_PLACEHOLDER } from '../letter/index.ts';
import type { OwnerMessage } from './owner-messages.ts';

/** The follow-up's draft email: the letter, its Review link; replies to it approve, revise, snooze or stop. */
export function followUpDraftMessage(record: Case, links: { review: string; cases: string }): OwnerMessage {
  const f = record.followUp;
  if (!f?.letter) throw new Error('followUpDraftMessage needs a drafted follow-up');
  const about = [record.extraction?.company, record.extraction?.role].filter(Boolean).join(' — ') || 'your thank-you';
  const sent = record.sentAt ? ` on ${dayOf(record.sentAt)}` : '';
  return {
    subject: `Follow-up draft: ${about}`,
    text: [
      `Your thank-you letter left${sent}. onward drafted a short follow-up to the same person, in the same thread: still interested, and please keep you in mind. Nothing is sent until you say so.`,
      '',
      `Review, edit and send: ${links.review}`,
      '',
      `To:      ${f.letter.toName ? `${f.letter.toName} <${f.letter.to}>` : f.letter.to}`,
      `Subject: ${f.letter.subject}`,
      '',
      '------------------------------------------------------------',
      f.letter.body,
      '------------------------------------------------------------',
      '',
      ...(f.letter.body.includes(SINCE_PLACEHOLDER)
        ? [
            'Answer this email with your revised letter — fill in or delete the marked line — and it comes back',
            'to you as a new draft; reply "send" to that one.',
          ]
        : ['Answer this email: reply "send" to send it exactly as shown, or with your revised letter.']),
      `Reply "not now" to be asked again in ${SNOOZE_DAYS} days, or "stop" for no follow-ups on this case.`,
      '',
      `All your cases (and the switch for all follow-ups): ${links.cases}`,
    ].join('\n'),
  };
}

/** The interviewer answered a letter, and the owner forwarded the answer: it joined the letter's case. */
export function answerMessage(
  letterCase: Case,
  answer: { from: { name: string | null; address: string } | null; subject: string },
  cancelled: boolean,
  links: { cases: string },
): OwnerMessage {
  const who = answer.from ? (answer.from.name ?? answer.from.address) : 'The interviewer';
  const about =
    [letterCase.extraction?.company, letterCase.extraction?.role].filter(Boolean).join(' — ') || answer.subject;
  return {
    subject: `Answer recorded: ${about}`,
    text: [
      `${who} answered your letter${letterCase.sentAt ? ` of ${dayOf(letterCase.sentAt)}` : ''}. onward recorded the answer with that case; nothing was drafted or sent.`,
      cancelled
        ? 'The follow-up onward would have drafted for it is cancelled: they wrote back. "Follow up again" on your cases page schedules one if you want it.'
        : 'No follow-up was waiting for it.',
      '',
      `Your cases: ${links.cases}`,
    ].join('\n'),
  };
}

// The owner's decisions on a case: send the letter (at most once), discard it, or draft one for
// a mail onward set aside. The letter is claimed with a conditional SENDING before SES is called,
// so double clicks, parallel POSTs and replays send nothing more (DESIGN §3).
import { draftableAnyway, type Case, type CaseStatus, type Letter } from '../core/case.ts';
import { parseRecipient } from '../core/address.ts';
import { ALL_CASES } from '../core/links.ts';
import { detailAsTyped, draftLetter, hasPlaceholder, hasPlaceholderLeft, withDetail } from '../core/draft.ts';
import { nameMatchesMailbox } from '../core/extract-names.ts';
import { holdOriginal } from './originals.ts';
import { ownerMail } from './owner-mail.ts';
import {
  MailRejected,
  type CaseRepository,
  type Clock,
  type Links,
  type Logger,
  type Mailer,
  type Owner,
} from './ports.ts';

export interface ReviewDeps {
  cases: CaseRepository;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  owner: Owner;
}

export interface LetterEdits {
  to: string;
  subject: string;
  body: string;
  /** "One thing I liked", slotted into the third paragraph. */
  detail: string;
}

export type SendResult =
  | { outcome: 'sent' | 'already-sent'; record: Case }
  | { outcome: 'invalid'; record: Case; problems: string[] }
  /** Nothing sent: the detail was reshaped into the letter, which the owner reads before Send. */
  | { outcome: 'check'; record: Case }
  | { outcome: 'failed' | 'unknown'; record: Case }
  | { outcome: 'not-sendable'; record: Case }
  | { outcome: 'missing' };

export const SENDABLE: readonly CaseStatus[] = ['AWAITING_APPROVAL', 'SEND_FAILED'];

/** A thank-you is a few short paragraphs: far longer is a paste gone wrong. Counted in characters, whatever the script. */
const MAX_LETTER_CHARS = 20_000;
const MAX_SUBJECT_CHARS = 250;
const count = (n: number): string => n.toLocaleString('en-US');

/** The letter as it will leave, and what stops it from leaving. */
export function applyEdits(letter: Letter, edits: LetterEdits): { letter: Letter; problems: string[] } {
  const body = withDetail(edits.body.replace(/\r\n/g, '\n'), edits.detail).trim();
  const typed = edits.to.trim();
  const recipient = parseRecipient(typed);
  const next: Letter = { ...letter, to: recipient?.address ?? (typed || null), subject: edits.subject.trim(), body };
  const problems: string[] = [];
  if (!typed) problems.push('Add the address the letter goes to.');
  else if (!recipient)
    problems.push(
      `“${typed}” is not an email address (write one address, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).`,
    );
  if (!next.subject) problems.push('The subject is empty.');
  else if (next.subject.length > MAX_SUBJECT_CHARS)
    problems.push(
      `The subject is ${count(next.subject.length)} characters long; a subject can be up to ${count(MAX_SUBJECT_CHARS)}.`,
    );
  if (!body) problems.push('The letter is empty.');
  else if (body.length > MAX_LETTER_CHARS)
    problems.push(
      `The letter is ${count(body.length)} characters long; a letter can be up to ${count(MAX_LETTER_CHARS)}.`,
    );
  if (hasPlaceholder(body))
    problems.push('Write one true detail you liked in the marked paragraph, or delete that paragraph.');
  else if (hasPlaceholderLeft(body)) {
    problems.push(
      'Part of the marked paragraph’s instructions is still in the letter (“[One thing I liked — …]”): keep only your own words there, or delete the paragraph.',
    );
  }
  // A detail with nowhere to go would be dropped without a word.
  else if (edits.detail.trim() && !hasPlaceholder(edits.body)) {
    problems.push(
      'Your detail has no place in the letter: put the marked paragraph back, write the detail into the letter yourself, or clear the field.',
    );
  }
  // A new address means a new person: the name found in the email may not be theirs — and a
  // letter to David that opens "Dear Olivia Grant," must not leave.
  if (next.to !== letter.to) {
    const greeting = body.split('\n').find((l) => l.trim()) ?? '';
    // A corrected address of the same person ("sandra.ing@" for "sandra.img@", or typed with
    // their name) is fine.
    const samePerson = (name: string) =>
      nameMatchesMailbox(name, next.to!) || recipient?.name?.toLowerCase() === name.toLowerCase();
    if (recipient && letter.to && letter.toName && greeting.includes(letter.toName) && !samePerson(letter.toName)) {
      problems.push(
        `The letter greets ${letter.toName} but now goes to ${next.to}: change the greeting, or send it to ${letter.to}.`,
      );
    }
    next.toName = null;
  }
  // A name typed with the address ("David Chen <david@acme.com>") is the one the letter goes to.
  if (recipient?.name) next.toName = recipient.name;
  return { letter: next, problems };
}

export async function sendLetter(deps: ReviewDeps, caseId: string, edits: LetterEdits): Promise<SendResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  if (current.status === 'SENT') return { outcome: 'already-sent', record: current };
  if (!current.letter || !SENDABLE.includes(current.status)) return { outcome: 'not-sendable', record: current };

  const { letter, problems } = applyEdits(current.letter, edits);
  if (problems.length) return { outcome: 'invalid', record: { ...current, letter }, problems };
  if (!detailAsTyped(edits.detail)) return { outcome: 'check', record: { ...current, letter } };

  const claimed = await deps.cases.transition(caseId, SENDABLE, 'SENDING', { letter, failure: undefined });
  if (!claimed) {
    const now = await deps.cases.get(caseId);
    if (!now) return { outcome: 'missing' };
    return { outcome: now.status === 'SENT' ? 'already-sent' : 'not-sendable', record: now };
  }
  deps.log.info('letter.claimed', { caseId });

  let sentMessageId: string;
  try {
    sentMessageId = await deps.mailer.send({
      from: { name: deps.owner.name, address: deps.owner.senderAddress },
      to: { name: letter.toName, address: letter.to! },
      replyTo: deps.owner.email,
      subject: letter.subject,
      text: letter.body,
      inReplyTo: letter.inReplyTo,
      references: letter.references,
      caseId,
    });
  } catch (error) {
    if (!(error instanceof MailRejected)) {
      // It may have left: park it, tell the owner, never resend it automatically.
      const parked = await parkUnknown(deps, caseId, 'The connection to the mail service broke while sending.');
      return { outcome: 'unknown', record: parked ?? { ...claimed, status: 'SEND_UNKNOWN' } };
    }
    // SES said no: nothing left, the owner may retry.
    const failure = `${error.code}: ${error.message}`;
    const parked = await deps.cases.transition(caseId, ['SENDING'], 'SEND_FAILED', { failure });
    deps.log.error('letter.refused', { caseId, code: error.code });
    return { outcome: 'failed', record: parked ?? { ...claimed, status: 'SEND_FAILED', failure } };
  }
  // The letter has left. If this write fails the case stays SENDING, and the housekeeping sweep
  // (sweepStaleSends) parks it as SEND_UNKNOWN: it is never sent twice.
  const sent = await deps.cases.transition(caseId, ['SENDING'], 'SENT', {
    sentAt: deps.clock.now().toISOString(),
    sentMessageId,
  });
  deps.log.info('letter.sent', { caseId });
  return { outcome: 'sent', record: sent ?? { ...claimed, status: 'SENT' } };
}

/** SENDING → SEND_UNKNOWN, and a note to the owner: only they can check whether it left. */
async function parkUnknown(deps: ReviewDeps, caseId: string, failure: string): Promise<Case | null> {
  const parked = await deps.cases.transition(caseId, ['SENDING'], 'SEND_UNKNOWN', { failure });
  deps.log.error('letter.unknown', { caseId });
  if (!parked?.letter) return parked;
  try {
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: `Check your letter: ${parked.letter.subject}`,
        text: [
          `onward was sending your letter to ${parked.letter.to} when ${failure.charAt(0).toLowerCase()}${failure.slice(1)}`,
          'It may or may not have left. onward will not send it again by itself.',
          'Check with the recipient or your Sent mail before doing anything; you can discard the draft from the review page.',
        ].join('\n'),
      }),
    );
  } catch {
    // The case page shows SEND_UNKNOWN either way; a failed note must not hide the parked case.
    deps.log.error('letter.unknown-notice-failed', { caseId });
  }
  return parked;
}

/** Letters claimed longer ago than `staleSeconds` whose sender crashed: parked, never resent. */
export async function sweepStaleSends(deps: ReviewDeps, staleSeconds: number): Promise<number> {
  const cutoff = deps.clock.now().getTime() - staleSeconds * 1000;
  let parked = 0;
  for (const record of await deps.cases.list({ status: 'SENDING' })) {
    if (Date.parse(record.updatedAt) > cutoff) continue;
    if (await parkUnknown(deps, record.id, 'The sending process stopped before it could record the result.'))
      parked += 1;
  }
  return parked;
}

/** `held`: another forward of the same email has its letter already; `record` is that case. */
export type DecisionResult = { outcome: 'done' | 'unchanged' | 'held'; record: Case } | { outcome: 'missing' };

const DISCARDABLE: readonly CaseStatus[] = ['AWAITING_APPROVAL', 'SEND_FAILED', 'SEND_UNKNOWN'];

export async function discardDraft(deps: ReviewDeps, caseId: string): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  // From the status just read, and remembering it: whether it may be revived depends on it.
  const done = DISCARDABLE.includes(current.status)
    ? await deps.cases.transition(caseId, [current.status], 'DISCARDED', { discardedFrom: current.status })
    : null;
  if (done) {
    deps.log.info('letter.discarded', { caseId });
    return { outcome: 'done', record: done };
  }
  const now = await deps.cases.get(caseId);
  return now ? { outcome: 'unchanged', record: now } : { outcome: 'missing' };
}

/** "Draft a thank-you anyway" for a mail onward judged not (surely) a rejection. */
export async function draftAnyway(deps: ReviewDeps, caseId: string): Promise<DecisionResult> {
  const current = await deps.cases.get(caseId);
  if (!current) return { outcome: 'missing' };
  const { original, extraction } = current;
  if (!draftableAnyway(current) || !original || !extraction) {
    return { outcome: 'unchanged', record: current };
  }
  // One letter per email: a second forward drafted anyway must not thank twice.
  const heldBy = await holdOriginal(deps.cases, caseId, original);
  if (heldBy) return { outcome: 'held', record: heldBy };
  const letter = draftLetter({ ownerName: deps.owner.name, original, extraction });
  const done = await deps.cases.transition(caseId, ['IGNORED'], 'AWAITING_APPROVAL', { letter });
  if (!done) return { outcome: 'unchanged', record: (await deps.cases.get(caseId)) ?? current };
  deps.log.info('letter.drafted-anyway', { caseId });
  return { outcome: 'done', record: done };
}

/** Mails the owner a new review link after an old one expired. Only ever to the owner. */
export async function sendFreshLink(deps: ReviewDeps & { links: Links }, caseId: string): Promise<boolean> {
  if (caseId === ALL_CASES) {
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: 'A fresh onward link: your cases',
        text: `You asked for a fresh link.\n\nAll your cases: ${deps.links.cases()}`,
      }),
    );
    deps.log.info('cases-link.refreshed', {});
    return true;
  }
  const current = await deps.cases.get(caseId);
  if (!current) return false;
  const subject = current.original?.subject
    ? `A fresh onward link: ${current.original.subject}`
    : 'A fresh onward link';
  // Mail set aside is drafted from its "draft anyway" page; a review link would show no way to.
  const link = draftableAnyway(current)
    ? `Draft a thank-you for it here: ${deps.links.draftAnyway(caseId)}`
    : `Review this case here: ${deps.links.review(caseId)}`;
  await deps.mailer.send(
    ownerMail(deps.owner, {
      subject,
      text: `You asked for a fresh link.\n\n${link}\n\nAll your cases: ${deps.links.cases()}`,
    }),
  );
  deps.log.info('link.refreshed', { caseId });
  return true;
}

/** Whom the letter could go to: people named in the mail, then contacts from earlier cases with the company. */
export async function recipientCandidates(deps: Pick<ReviewDeps, 'cases'>, record: Case) {
  const found: { name: string | null; address: string; source: string }[] = (record.extraction?.candidates ?? [])
    .filter((c): c is typeof c & { address: string } => Boolean(c.address))
    .map((c) => ({ name: c.name, address: c.address, source: c.source }));
  const company = record.extraction?.company?.toLowerCase();
  if (company) {
    for (const other of await deps.cases.list({ limit: 200 })) {
      if (other.id === record.id || other.extraction?.company?.toLowerCase() !== company) continue;
      const address = other.letter?.to ?? (other.extraction?.noReplySender ? null : other.extraction?.contactEmail);
      if (address)
        found.push({
          name: other.letter?.toName ?? other.extraction?.contactName ?? null,
          address,
          source: 'earlier case',
        });
    }
  }
  const seen = new Set<string>();
  return found.filter((c) => !seen.has(c.address.toLowerCase()) && seen.add(c.address.toLowerCase()));
}

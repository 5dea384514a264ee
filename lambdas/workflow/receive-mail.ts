// on-mail-received's use case: from a stored message to a recorded case and a note to the owner.
// Safe to replay: the case is keyed on SES's message id, every step is a conditional status
// change, and a replay resumes where an earlier attempt stopped (docs/DESIGN.md §3).
import { type Case, type IgnoreReason, ignoredRecordExpiry, type Refusal } from '../core/case/index.ts';
import type { OriginalMail, ParsedMail } from '../core/mail/index.ts';
import { draftLetter, noLetterReason } from '../core/letter/index.ts';
import { duplicateMessage, noticeMessage, refusalMessage } from '../core/notices/index.ts';
import { readRejection } from '../core/reading/index.ts';
import { joinAnswer } from './answers.ts';
import { refFromRecipients } from '../core/reply-address/index.ts';
import { checkLoop, checkSender, isForwardingConfirmation, probeNonce } from '../core/trust/index.ts';
import type { InboundMail, ReceiveDeps, ReceiveOutcome } from './inbound.ts';
import { holdOriginal } from './originals.ts';
import { withOwnersWord } from './owner-labels.ts';
import { emailDraft, ownerMail } from './owner-mail.ts';
import { setAside } from './set-aside.ts';

const EXCERPT_CHARS = 600;

function summary(original: OriginalMail) {
  return {
    style: original.style,
    from: original.from,
    subject: original.subject,
    date: original.date,
    messageId: original.messageId,
    references: original.references,
    excerpt: original.text.trim().slice(0, EXCERPT_CHARS),
  };
}

export async function receiveMail(deps: ReceiveDeps, mail: InboundMail): Promise<ReceiveOutcome> {
  return receiveCase(deps, mail.messageId, (record) => processMail(deps, mail, record));
}

/**
 * Creates case `id` RECEIVED and reads it with `read`; a replay finds the case and resumes where
 * an earlier attempt stopped (a draft email or a notice still owed). Mail and pastes alike.
 */
export async function receiveCase(
  deps: ReceiveDeps,
  id: string,
  read: (record: Case) => Promise<ReceiveOutcome>,
): Promise<ReceiveOutcome> {
  const now = deps.clock.now().toISOString();
  const fresh: Case = {
    id,
    status: 'RECEIVED',
    receivedAt: now,
    updatedAt: now,
    replyRef: deps.links.replyRef(id),
  };
  const record = (await deps.cases.create(fresh)) ? fresh : await deps.cases.get(id);
  if (!record) throw new Error(`case ${id} vanished after a conflicting create`);

  switch (record.status) {
    case 'RECEIVED':
      return read(record);
    case 'DRAFTED':
      return sendDraft(deps, record);
    case 'IGNORED':
      // A crash between recording a notice-worthy case and sending the notice leaves it owed.
      if (record.refusal && record.ownerNotified === false) return tellOwnerOfRefusal(deps, record);
      if (record.reason === 'duplicate' && record.ownerNotified === false) return noticeOfDuplicate(deps, record);
      if (record.reason && record.ownerNotified === false) return sendNotice(deps, record);
      return { outcome: 'duplicate', caseId: record.id };
    default:
      return { outcome: 'duplicate', caseId: record.id };
  }
}

async function ignore(deps: ReadingDeps, record: Case, reason: IgnoreReason): Promise<ReceiveOutcome> {
  const expiresAt = ignoredRecordExpiry(deps.clock.now());
  const done = await setAside(deps.cases, record.id, { reason, expiresAt });
  deps.log.info('mail.ignored', { caseId: record.id, reason, raced: done === null });
  return { outcome: 'ignored', caseId: record.id, reason };
}

/** Mail that plausibly came from the owner, refused: recorded, and the owner told why. */
async function refuse(
  deps: ReceiveDeps,
  record: Case,
  reason: IgnoreReason,
  refusal: Refusal,
): Promise<ReceiveOutcome> {
  const expiresAt = ignoredRecordExpiry(deps.clock.now());
  const refused = await setAside(deps.cases, record.id, {
    reason,
    expiresAt,
    refusal,
    ownerNotified: false,
  });
  deps.log.info('mail.ignored', { caseId: record.id, reason, cause: refusal.cause, raced: refused === null });
  if (!refused) return { outcome: 'ignored', caseId: record.id, reason };
  return tellOwnerOfRefusal(deps, refused);
}

// Long enough to outlive the day it names; TTL removes it after.
const NOTICE_CLAIM_SECONDS = 2 * 24 * 3600;

/**
 * Once per cause per day (UTC), whoever sends the mail: a forger posing as the owner cannot
 * flood their mailbox. The claim names the case that tells, so a replay of that case still does.
 */
async function tellOwnerOfRefusal(deps: ReceiveDeps, record: Case): Promise<ReceiveOutcome> {
  const refusal = record.refusal!;
  const now = deps.clock.now();
  const key = `${refusal.cause}#${now.toISOString().slice(0, 10)}`;
  const holder = await deps.cases.claimNotice(key, record.id, Math.floor(now.getTime() / 1000) + NOTICE_CLAIM_SECONDS);
  const told = holder === record.id;
  if (told)
    await deps.mailer.send(
      ownerMail(deps.owner, refusalMessage(record, { cases: deps.links.cases() }, deps.owner.timeZone)),
    );
  await deps.cases.update(record.id, 'IGNORED', { ownerNotified: true });
  deps.log.info('mail.refused', { caseId: record.id, cause: refusal.cause, told });
  return { outcome: 'ignored', caseId: record.id, reason: record.reason ?? 'not-allowed' };
}

/**
 * `onward doctor` mailed onward from its own address: recorded like any own mail, with what SES
 * said of it, so the doctor can tell the whole way in works and what the verdicts were.
 */
async function recordProbe(deps: ReceiveDeps, record: Case, mail: InboundMail, parsed: ParsedMail) {
  const { spf, dkim, dmarc, spam, virus } = mail.envelope;
  const probe = { nonce: probeNonce(parsed.subject)!, verdicts: { spf, dkim: dkim ?? 'GRAY', dmarc, spam, virus } };
  await setAside(deps.cases, record.id, {
    reason: 'own-mail',
    expiresAt: ignoredRecordExpiry(deps.clock.now()),
    probe,
  });
  deps.log.info('mail.probe', { caseId: record.id });
  return { outcome: 'ignored', caseId: record.id, reason: 'own-mail' } as const;
}

async function readAndParse(deps: ReceiveDeps, mail: InboundMail): Promise<ParsedMail | IgnoreReason> {
  const raw = await deps.rawMail.read(mail.objectKey, deps.maxMessageBytes);
  if (raw.tooLarge) return 'too-large';
  if (raw.bytes.length === 0) return 'empty';
  try {
    return await deps.parser.parse(raw.bytes);
  } catch {
    return 'unreadable';
  }
}

async function processMail(deps: ReceiveDeps, mail: InboundMail, record: Case): Promise<ReceiveOutcome> {
  // SES receives the whole inbound domain: mail to any other address there is nobody's forward.
  const reply = refFromRecipients(mail.recipients, deps.inboundAddress);
  if (!reply && !mail.recipients.some((r) => r.trim().toLowerCase() === deps.inboundAddress))
    return ignore(deps, record, 'not-for-onward');

  const parsed = await readAndParse(deps, mail);
  if (typeof parsed === 'string') return ignore(deps, record, parsed);

  // Before the loop tests: Gmail's confirmation is automatic mail, and the owner needs it.
  if (isForwardingConfirmation(parsed, mail.envelope, deps.policy)) return passOn(deps, record, parsed);
  const sender = checkSender(parsed, mail.envelope, deps.policy);
  // A forward, even one refused, carries the recruiter's headers: an ATS's Auto-Submitted is theirs.
  const loop = checkLoop(parsed, mail.envelope, deps.policy, sender.via === 'auto-forward');
  // The doctor's test message is onward's own mail (From its address, marked automatic).
  const own = parsed.from.some((f) => deps.policy.ownAddresses.includes(f.address));
  if (loop && own && probeNonce(parsed.subject)) return recordProbe(deps, record, mail, parsed);
  if (loop) return ignore(deps, record, loop);
  if (!sender.ok && sender.owner)
    return refuse(deps, record, sender.reason, { ...sender.owner, subject: parsed.subject });
  if (!sender.ok) return ignore(deps, record, sender.reason);
  if (reply) return deps.replies.handle(mail, record, parsed, reply);
  return readAndDraft(deps, record, parsed);
}

/** What reading a rejection needs: everything receiving mail does but the raw message and its parser. */
export type ReadingDeps = Omit<ReceiveDeps, 'rawMail' | 'parser' | 'maxMessageBytes' | 'inboundAddress'>;

/**
 * The owner's mail, once it is known to be theirs: read, recorded and drafted — or noticed, or
 * set aside as a duplicate. Forwards and pasted rejections (read-paste.ts) alike come through here.
 */
export async function readAndDraft(deps: ReadingDeps, record: Case, parsed: ParsedMail): Promise<ReceiveOutcome> {
  const {
    original,
    classification: reader,
    extraction,
    recordOnly,
  } = readRejection(parsed, [deps.owner.email, ...deps.policy.allowedSenders, ...deps.policy.ownAddresses]);
  if (!original.text.trim() && !original.subject.trim()) return ignore(deps, record, 'empty');
  if (
    original.style !== 'direct' &&
    original.from &&
    deps.policy.ownAddresses.some((a) => a.toLowerCase() === original.from!.address)
  ) {
    return forwardedOwnMail(deps, record);
  }
  const summarised = summary(original);
  // The interviewer's answer to a letter onward sent joins that letter's case.
  const joined = await joinAnswer(deps, record, summarised);
  if (joined) return joined;
  // The owner's verdict on an earlier email of the same template stands over the reader's.
  const { classification, from: said } = await withOwnersWord(deps, { original: summarised, extraction }, reader);
  if (said) deps.log.info('mail.owner-verdict', { caseId: record.id, label: said.label, from: said.caseId });
  const analysed = { original: summarised, classification, extraction };
  // The owner forwarded a past rejection to record it: their history, with no letter and no notice.
  if (recordOnly) return recordForHistory(deps, record, analysed);

  if (classification.verdict !== 'rejection') {
    const reason: IgnoreReason = classification.verdict === 'unsure' ? 'unsure' : 'not-a-rejection';
    const ignored = await setAside(deps.cases, record.id, {
      ...analysed,
      reason,
      ownerNotified: false,
    });
    if (!ignored) return { outcome: 'duplicate', caseId: record.id };
    return sendNotice(deps, ignored);
  }

  // One case per email, letter or not: the same form mail forwarded twice is "Already forwarded".
  const earlier = await holdOriginal(deps.cases, record.id, analysed.original);
  if (earlier) return alreadyForwarded(deps, record, analysed, earlier);

  // Form mail nobody wrote: recorded, and the owner told why, with "Write one anyway" — unless the
  // owner asked for a letter for an email of this template before.
  const noLetter = said?.label === 'rejection' ? null : noLetterReason(extraction);
  if (noLetter) {
    const recorded = await setAside(deps.cases, record.id, {
      ...analysed,
      reason: 'no-letter-suggested',
      ownerNotified: false,
    });
    if (!recorded) return { outcome: 'duplicate', caseId: record.id };
    return sendNotice(deps, recorded);
  }

  const letter = draftLetter({
    ownerName: deps.owner.name,
    voice: deps.owner.voice,
    seed: record.id,
    original,
    extraction,
    kind: classification.kind,
  });
  const drafted = await deps.cases.transition(record.id, ['RECEIVED'], 'DRAFTED', { ...analysed, letter });
  // Another delivery of the same event won the race and will send the draft email.
  if (!drafted) return { outcome: 'duplicate', caseId: record.id };
  return sendDraft(deps, drafted);
}

/**
 * A past rejection, recorded for the chart and the list and nothing more: no letter, no email to
 * the owner (a batch of old mail would earn a batch of notices). It holds its email against
 * another "record" of it — quietly a duplicate, so the history counts it once — but not against a
 * later forward without the note, which drafts as usual.
 */
async function recordForHistory(
  deps: ReadingDeps,
  record: Case,
  analysed: Partial<Case> & Pick<Required<Case>, 'original'>,
): Promise<ReceiveOutcome> {
  const earlier = await holdOriginal(deps.cases, record.id, analysed.original, true);
  if (earlier) {
    await setAside(deps.cases, record.id, { ...analysed, reason: 'duplicate', duplicateOf: earlier.id });
    deps.log.info('mail.duplicate', { caseId: record.id, earlier: earlier.id });
    return { outcome: 'duplicate', caseId: record.id };
  }
  const recorded = await setAside(deps.cases, record.id, {
    ...analysed,
    reason: 'record-only',
  });
  deps.log.info('mail.recorded', { caseId: record.id, raced: recorded === null });
  return recorded ? { outcome: 'recorded', caseId: record.id } : { outcome: 'duplicate', caseId: record.id };
}

async function sendDraft(deps: ReadingDeps, record: Case): Promise<ReceiveOutcome> {
  await emailDraft(deps, record);
  await deps.cases.transition(record.id, ['DRAFTED'], 'AWAITING_APPROVAL', {});
  deps.log.info('mail.drafted', { caseId: record.id });
  return { outcome: 'drafted', caseId: record.id };
}

/** The same rejection forwarded again: no second letter; the owner is pointed to the first. */
async function alreadyForwarded(
  deps: ReadingDeps,
  record: Case,
  analysed: Partial<Case>,
  earlier: Case,
): Promise<ReceiveOutcome> {
  const ignored = await setAside(deps.cases, record.id, {
    ...analysed,
    reason: 'duplicate',
    duplicateOf: earlier.id,
    ownerNotified: false,
  });
  if (!ignored) return { outcome: 'duplicate', caseId: record.id };
  return noticeOfDuplicate(deps, ignored);
}

/** "Already forwarded", pointing to the first case; sent again if a crash came before it left. */
async function noticeOfDuplicate(deps: ReadingDeps, record: Case): Promise<ReceiveOutcome> {
  const earlier = record.duplicateOf ? await deps.cases.get(record.duplicateOf) : null;
  if (earlier)
    await deps.mailer.send(
      ownerMail(
        deps.owner,
        duplicateMessage(
          record,
          earlier,
          {
            // A recorded email with no letter is opened where one can be written anyway.
            review: earlier.letter ? deps.links.review(earlier.id) : deps.links.draftAnyway(earlier.id),
            cases: deps.links.cases(),
          },
          deps.owner.timeZone,
        ),
      ),
    );
  await deps.cases.update(record.id, 'IGNORED', { ownerNotified: true });
  deps.log.info('mail.duplicate', { caseId: record.id, earlier: record.duplicateOf ?? null });
  return { outcome: 'ignored', caseId: record.id, reason: 'duplicate' };
}

/**
 * The owner forwarded one of onward's own emails (a draft, a notice): drafting from it would thank
 * onward. Nothing is done, and the owner hears how to act on a draft instead.
 */
async function forwardedOwnMail(deps: ReadingDeps, record: Case): Promise<ReceiveOutcome> {
  const text = [
    'You forwarded an email that onward itself sent you, so onward did nothing with it: it only drafts',
    'letters for rejections from employers.',
    '',
    'To send a drafted letter, press Send on its review page, or reply "send" to the draft email itself',
    '(reply, do not forward). Forward the employer’s original email to draft a letter for it.',
    '',
    `All your cases: ${deps.links.cases()}`,
  ].join('\n');
  await deps.mailer.send(ownerMail(deps.owner, { subject: 'Nothing done: you forwarded onward’s own email', text }));
  return ignore(deps, record, 'own-mail');
}

/** Hands Gmail's forwarding confirmation to the owner as text; they click its link themselves. */
async function passOn(deps: ReceiveDeps, record: Case, parsed: ParsedMail): Promise<ReceiveOutcome> {
  const text = [
    'Gmail sent this to your onward address to confirm that you want to forward mail there.',
    'onward passes it on untouched; follow its instructions to finish setting up forwarding.',
    '',
    '------------------------------------------------------------',
    parsed.text.trim(),
  ].join('\n');
  await deps.mailer.send(ownerMail(deps.owner, { subject: `Passed on: ${parsed.subject}`, text }));
  return ignore(deps, record, 'forwarding-confirmation');
}

async function sendNotice(deps: ReadingDeps, record: Case): Promise<ReceiveOutcome> {
  const message = noticeMessage(record, { draftAnyway: deps.links.draftAnyway(record.id), cases: deps.links.cases() });
  // Answered by a reply too: "draft" drafts the letter anyway (reply-approval.ts).
  await deps.mailer.send(ownerMail(deps.owner, message, deps.links.replyAddress(record.id)));
  await deps.cases.update(record.id, 'IGNORED', { ownerNotified: true });
  deps.log.info('mail.noticed', { caseId: record.id, reason: record.reason ?? null });
  return { outcome: 'noticed', caseId: record.id };
}

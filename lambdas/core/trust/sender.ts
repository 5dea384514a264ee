// Who may hand onward a rejection (docs/DESIGN.md §4). Judged on addresses, never display names, and on
// the verdicts SES computed outside the message — headers inside the message are the sender's
// words, so Authentication-Results or X-SES-* found there count for nothing.
import type { IgnoreReason } from '../case/index.ts';
import type { ParsedMail } from '../mail/index.ts';

type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

export interface Envelope {
  /** SMTP MAIL FROM (SES `mail.source`); empty for bounces. */
  source: string;
  spam: VerdictStatus;
  virus: VerdictStatus;
  dmarc: VerdictStatus;
  /** SPF of the envelope sender: what makes the envelope of an auto-forward believable. */
  spf: VerdictStatus;
}

export interface SenderPolicy {
  allowedSenders: readonly string[];
  /** onward's own From: mail from it is our own draft or letter coming back. */
  ownAddresses: readonly string[];
  /** Where SES computes verdicts (AWS): DMARC PASS for every message, SPF PASS for auto-forwards. */
  requireDmarcPass: boolean;
}

export type SenderCheck = { ok: true; via: 'from' | 'auto-forward' } | { ok: false; reason: IgnoreReason };

/** Strips BATV (prvs=…=) rewriting so the envelope names the real account. */
export function envelopeAddress(source: string): string {
  const address = source.trim().replace(/^<|>$/g, '').toLowerCase();
  // Stryker disable next-line Regex: an envelope address is one line, so `.+` reaches its end without `$`.
  const batv = /^prvs=[^=]+=(.+)$/.exec(address);
  return batv ? batv[1]! : address;
}

/** The account behind a tagged address: Gmail auto-forwards from me+caf_=…@gmail.com. */
function untagged(address: string): string {
  const at = address.lastIndexOf('@');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no '@' (or nothing before it) the result is no allowed address either way.
  return at < 0 ? address : `${address.slice(0, at).split('+')[0]}${address.slice(at)}`;
}

/** The addresses a header value names, exactly: "me@x.com inbox@y.com", "<me@x.com>, …". */
function addressesIn(value: string): string[] {
  // Stryker disable next-line Regex: the empty words between separators match no allowed sender either.
  const words = value.toLowerCase().split(/[\s,;<>]+/);
  // Stryker disable next-line MethodExpression,StringLiteral: words that are no address match no allowed sender either.
  return words.filter((t) => t.includes('@'));
}

// Headers the owner's provider adds when it auto-forwards (Gmail, Outlook/Exchange, Resent-*).
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-to', 'resent-from', 'x-ms-exchange-inbox-rules-loop'];

function header(mail: ParsedMail, name: string): string | null {
  return mail.headers.find((h) => h.name === name)?.value ?? null;
}

/**
 * Mail onward must never answer. An auto-forward carries the recruiter's own headers, and an ATS
 * may well mark its mail Auto-Submitted — that is the mail the owner wants handled, so the
 * Auto-Submitted test is skipped for it (the own-mail test still prevents loops).
 */
export function checkLoop(
  mail: ParsedMail,
  envelope: Envelope,
  policy: SenderPolicy,
  autoForwarded = false,
): IgnoreReason | null {
  const autoSubmitted = header(mail, 'auto-submitted');
  if (!autoForwarded && autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') return 'auto-submitted';
  const source = envelopeAddress(envelope.source);
  if (!source || /^(mailer-daemon|postmaster)@/.test(source)) return 'bounce';
  const own = policy.ownAddresses.map((a) => a.toLowerCase());
  if (own.includes(source) || mail.from.some((f) => own.includes(f.address))) return 'own-mail';
  return null;
}

/**
 * Gmail asks the owner to confirm forwarding by mailing the forwarding address — onward. It must
 * reach the owner, so it is recognised (Google's sender, DMARC-aligned where verdicts exist) and
 * passed on instead of being judged as a forward from the owner.
 */
export function isForwardingConfirmation(mail: ParsedMail, envelope: Envelope, policy: SenderPolicy): boolean {
  if (envelope.spam === 'FAIL' || envelope.virus === 'FAIL') return false;
  if (policy.requireDmarcPass && envelope.dmarc !== 'PASS') return false;
  return (
    mail.from.length === 1 &&
    mail.from[0]!.address === 'forwarding-noreply@google.com' &&
    /forwarding confirmation/i.test(mail.subject)
  );
}

export function checkSender(mail: ParsedMail, envelope: Envelope, policy: SenderPolicy): SenderCheck {
  if (envelope.virus === 'FAIL') return { ok: false, reason: 'virus' };
  if (envelope.spam === 'FAIL') return { ok: false, reason: 'spam' };
  if (policy.requireDmarcPass && envelope.dmarc !== 'PASS') return { ok: false, reason: 'dmarc' };
  if (mail.from.length > 1) return { ok: false, reason: 'multiple-from' };
  const from = mail.from[0];
  if (!from) return { ok: false, reason: 'no-from' };

  const allowed = new Set(policy.allowedSenders.map((a) => a.toLowerCase()));
  if (allowed.has(from.address)) return { ok: true, via: 'from' };
  // Auto-forwarding keeps the recruiter's From; the owner's account shows in the envelope and
  // in the forwarding headers its provider adds. Neither is authenticated by itself: where SES
  // computes verdicts, the envelope's SPF must pass, or anyone could claim the owner's envelope.
  if (policy.requireDmarcPass && envelope.spf !== 'PASS') return { ok: false, reason: 'not-allowed' };
  const forwardedBy = FORWARDING_HEADERS.some((name) =>
    // Stryker disable next-line StringLiteral: a missing header, whatever it stands for, names no address.
    addressesIn(header(mail, name) ?? '').some((a) => allowed.has(a)),
  );
  if (allowed.has(untagged(envelopeAddress(envelope.source))) && forwardedBy) return { ok: true, via: 'auto-forward' };
  return { ok: false, reason: 'not-allowed' };
}

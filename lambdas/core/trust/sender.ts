// Who may hand onward a rejection (docs/DESIGN.md §4). Judged on addresses, never display names, and on
// what SES established outside the message: its verdicts, the envelope sender it checked SPF for,
// and the DKIM domains it verified. Headers written inside the message are the sender's words, so
// an Authentication-Results or X-SES-* found there counts for nothing.
//
// Two ways in, each authenticated in its own way:
// - the owner's own mail (a forward by hand, a reply to a draft): From an allowed address, with
//   DMARC PASS where the owner's domain publishes a policy, and aligned where it publishes none —
//   the DKIM signing domain or the envelope (MAIL FROM) domain is the From domain itself;
// - an automatic forward, which keeps the recruiter's From: believed on the owner's
//   authenticated envelope — SPF PASS for an allowed account, plus the forwarding headers its
//   provider adds — whatever the recruiter's DMARC (a domain without a policy gets GRAY).
import type { IgnoreReason, Refusal, RefusalCause } from '../case/index.ts';
import type { ParsedMail } from '../mail/index.ts';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

export interface Envelope {
  /** SMTP MAIL FROM (SES `mail.source`); empty for bounces. */
  source: string;
  spam: VerdictStatus;
  virus: VerdictStatus;
  dmarc: VerdictStatus;
  /** SPF of the envelope sender: what makes the envelope of an auto-forward believable. */
  spf: VerdictStatus;
  dkim?: VerdictStatus;
  /** Domains whose DKIM signature SES verified (verifiedDkimDomains). */
  dkimDomains?: readonly string[];
}

export interface SenderPolicy {
  allowedSenders: readonly string[];
  /** onward's own addresses (From, inbound): mail from them is onward's own coming back. */
  ownAddresses: readonly string[];
  /**
   * Where SES computes verdicts (AWS): mail is judged by them as above. Locally nothing checks
   * anything (the events say GRAY), and the address alone decides.
   */
  requireDmarcPass: boolean;
}

/**
 * `via` is how the mail claims to come from the owner — their own From, or their provider's
 * automatic forward — whether or not the claim held. `owner` is set when the refused mail
 * plausibly came from the owner, who is then told.
 */
export type SenderCheck =
  | { ok: true; via: 'from' | 'auto-forward' }
  | { ok: false; reason: IgnoreReason; via: 'from' | 'auto-forward' | null; owner?: Refusal };

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

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

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

// The headers SES puts on top of a message it received, before the message's own.
const SES_TRACE = new Set([
  'return-path',
  'received',
  'received-spf',
  'authentication-results',
  'x-ses-spam-verdict',
  'x-ses-virus-verdict',
  'x-ses-receipt',
  'x-ses-dkim-signature',
]);

/**
 * The domains whose DKIM signature verified, from what SES gives its Lambda action: its own
 * Authentication-Results ("dkim=pass header.i=@example.com"), the first one in SES's block on top
 * of the headers — one written further down by the sender counts for nothing. Without it, the
 * d= of the message's DKIM-Signature when there is exactly one and SES's DKIM verdict is PASS
 * (with several, the verdict does not say which passed).
 */
export function verifiedDkimDomains(
  headers: readonly { name: string; value: string }[],
  dkim: VerdictStatus | undefined,
): string[] {
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (!SES_TRACE.has(name)) break;
    if (name !== 'authentication-results') continue;
    if (!/^\s*amazonses\.com\s*;/i.test(h.value)) break;
    return [...h.value.matchAll(/\bdkim=pass\b[^;]*?\bheader\.[id]=@?([^\s;]+)/gi)].map((m) =>
      domainOf(m[1]!.toLowerCase()),
    );
  }
  const signatures = headers.filter((h) => h.name.toLowerCase() === 'dkim-signature');
  if (dkim !== 'PASS' || signatures.length !== 1) return [];
  const d = /(?:^|;)\s*d\s*=\s*([^\s;]+)/i.exec(signatures[0]!.value)?.[1];
  return d ? [d.toLowerCase()] : [];
}

/**
 * Mail From `address` is that address's where verdicts exist: DMARC PASS; or, where the domain
 * publishes no policy (GRAY) or SES could not tell (PROCESSING_FAILED), alignment — the verified
 * DKIM domain or the SPF-passing envelope domain is the From domain itself. DMARC FAIL is final.
 */
function authenticatedAs(address: string, envelope: Envelope): RefusalCause | null {
  if (envelope.dmarc === 'PASS') return null;
  if (envelope.dmarc === 'FAIL') return 'dmarc-fail';
  const domain = domainOf(address);
  const dkimAligned = envelope.dkim === 'PASS' && (envelope.dkimDomains ?? []).includes(domain);
  const spfAligned = envelope.spf === 'PASS' && domainOf(envelopeAddress(envelope.source)) === domain;
  if (dkimAligned || spfAligned) return null;
  return envelope.dmarc === 'GRAY' ? 'not-aligned' : 'unverifiable';
}

/** Whether the message is an automatic forward by `account`: its provider's headers name it. */
function forwardedBy(mail: ParsedMail, accounts: ReadonlySet<string>): boolean {
  return FORWARDING_HEADERS.some((name) =>
    // Stryker disable next-line StringLiteral: a missing header, whatever it stands for, names no address.
    addressesIn(header(mail, name) ?? '').some((a) => accounts.has(a)),
  );
}

export function checkSender(mail: ParsedMail, envelope: Envelope, policy: SenderPolicy): SenderCheck {
  if (mail.from.length > 1) return { ok: false, reason: 'multiple-from', via: null };
  const from = mail.from[0];
  if (!from) return { ok: false, reason: 'no-from', via: null };

  const allowed = new Set(policy.allowedSenders.map((a) => a.toLowerCase()));
  const account = untagged(envelopeAddress(envelope.source));
  const via = allowed.has(from.address)
    ? 'from'
    : allowed.has(account) && forwardedBy(mail, allowed)
      ? 'auto-forward'
      : null;
  const refusal = (cause: RefusalCause, who: string): Refusal => ({
    cause,
    account: who,
    envelopeDomain: domainOf(account),
    dkimDomains: envelope.dkimDomains ?? [],
  });

  if (!via) {
    // An auto-forward, authenticated, by an account the owner did not list: most likely the
    // owner's other mailbox, forgotten in allowedSenders. They are told, so the mail is not lost.
    const authenticated = !policy.requireDmarcPass || envelope.spf === 'PASS';
    const plausible =
      authenticated && account.includes('@') && forwardedBy(mail, new Set([account])) && !isOwn(account, policy);
    if (plausible)
      return {
        ok: false,
        reason: 'not-allowed',
        via: 'auto-forward',
        owner: refusal('forwarder-not-allowed', account),
      };
    // A stranger's mail is recorded for what SES found in it first.
    const found = envelope.virus === 'FAIL' ? 'virus' : envelope.spam === 'FAIL' ? 'spam' : 'not-allowed';
    return { ok: false, reason: found, via: null };
  }

  const who = via === 'from' ? from.address : account;
  // Authentication first: only mail that is the owner's may tell them about spam or a virus.
  if (policy.requireDmarcPass) {
    if (via === 'from') {
      const failed = authenticatedAs(from.address, envelope);
      if (failed) return { ok: false, reason: 'dmarc', via, owner: refusal(failed, who) };
    } else if (envelope.spf !== 'PASS') {
      return { ok: false, reason: 'not-allowed', via, owner: refusal('forward-unauthenticated', who) };
    }
  }
  if (envelope.virus === 'FAIL') return { ok: false, reason: 'virus', via, owner: refusal('virus', who) };
  if (envelope.spam === 'FAIL') return { ok: false, reason: 'spam', via, owner: refusal('spam', who) };
  return { ok: true, via };
}

function isOwn(address: string, policy: SenderPolicy): boolean {
  return policy.ownAddresses.some((a) => a.toLowerCase() === address);
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
  if (isOwn(source, policy) || mail.from.some((f) => isOwn(f.address, policy))) return 'own-mail';
  return null;
}

// Gmail's confirmation carries a code in its subject, "(#123456789) Gmail Forwarding Confirmation
// - Receive Mail from …", and a link under mail-settings.google.com/mail/vf- in its body; the
// subject's words are in the account's language, so the test reads neither.
const CONFIRMATION_CODE = /\(#\d{6,}\)/;
const CONFIRMATION_LINK = /https:\/\/mail-settings\.google\.com\/mail\/vf-/;

/**
 * Gmail asks the owner to confirm forwarding by mailing the forwarding address — onward. It must
 * reach the owner, so it is recognised (Google's sender, authenticated where verdicts exist) and
 * passed on instead of being judged as a forward from the owner. Asked before the loop tests:
 * it is automatic mail from a no-reply address, and would otherwise be set aside as such.
 */
export function isForwardingConfirmation(mail: ParsedMail, envelope: Envelope, policy: SenderPolicy): boolean {
  if (envelope.spam === 'FAIL' || envelope.virus === 'FAIL') return false;
  if (mail.from.length !== 1 || mail.from[0]!.address !== 'forwarding-noreply@google.com') return false;
  if (policy.requireDmarcPass && authenticatedAs(mail.from[0]!.address, envelope)) return false;
  return CONFIRMATION_CODE.test(mail.subject) || CONFIRMATION_LINK.test(mail.text);
}

/** The subject of `onward doctor`'s test message, which it sends From onward's own address. */
export const PROBE_SUBJECT = 'onward doctor probe';

/** The nonce of a doctor's test message, or null. */
export function probeNonce(subject: string): string | null {
  return new RegExp(`^${PROBE_SUBJECT} ([a-z0-9]{16,64})$`).exec(subject.trim())?.[1] ?? null;
}

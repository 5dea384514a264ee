// What the inbound use cases (receiving mail, and the owner's replies it carries) need from the
// world and what they answer.
import type { Case, IgnoreReason } from '../core/case/index.ts';
import type { ParsedMail } from '../core/mail/index.ts';
import type { ReplyTarget } from '../core/reply-address/index.ts';
import type { Envelope, SenderPolicy } from '../core/trust/index.ts';
import type {
  CaseRepository,
  Clock,
  Links,
  Logger,
  Mailer,
  MimeParser,
  Owner,
  RawMailStore,
  ReplyLookup,
} from './ports.ts';

export interface ReceiveDeps {
  /** The replies function also finds the case a reply answers (its handler gives the lookup). */
  cases: CaseRepository & ReplyLookup;
  rawMail: RawMailStore;
  parser: MimeParser;
  mailer: Mailer;
  links: Links;
  clock: Clock;
  log: Logger;
  owner: Owner;
  policy: SenderPolicy;
  maxMessageBytes: number;
  inboundAddress: string;
  /** Where the owner's replies to onward's emails go once their sender passed: see OwnerReplies. */
  replies: OwnerReplies;
}

/**
 * The owner's reply to a draft email or a note (a signed reply address), from an allowed sender.
 * On AWS the inbound function hands it to the replies function (reply-received.ts), which acts on
 * it, so the inbound bundle carries no reply handling; tests act on it in-process.
 */
export interface OwnerReplies {
  handle(mail: InboundMail, record: Case, parsed: ParsedMail, reply: ReplyTarget): Promise<ReceiveOutcome>;
}

export interface InboundMail {
  messageId: string;
  objectKey: string;
  envelope: Envelope;
  /** The envelope recipients SES accepted: the inbound address, or a draft's reply address. */
  recipients: readonly string[];
}

export type ReceiveOutcome =
  | { outcome: 'drafted' | 'noticed' | 'duplicate' | 'replied' | 'recorded' | 'handed-over'; caseId: string }
  | { outcome: 'ignored'; caseId: string; reason: IgnoreReason };

// What the inbound use cases (receiving mail, and the owner's replies it carries) need from the
// world and what they answer.
import type { IgnoreReason } from '../core/case/index.ts';
import type { Envelope, SenderPolicy } from '../core/trust/index.ts';
import type { CaseRepository, Clock, Links, Logger, Mailer, MimeParser, Owner, RawMailStore } from './ports.ts';

export interface ReceiveDeps {
  cases: CaseRepository;
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
}

export interface InboundMail {
  messageId: string;
  objectKey: string;
  envelope: Envelope;
  /** The envelope recipients SES accepted: the inbound address, or a draft's reply address. */
  recipients: readonly string[];
}

export type ReceiveOutcome =
  | { outcome: 'drafted' | 'noticed' | 'duplicate' | 'replied' | 'recorded'; caseId: string }
  | { outcome: 'ignored'; caseId: string; reason: IgnoreReason };

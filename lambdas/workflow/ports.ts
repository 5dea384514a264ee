// What the use cases need from the world, as plain interfaces. Adapters implement them against
// AWS (or its emulators); unit tests implement them as plain objects.
import type { Case, CaseStatus, FollowUp, FollowUpStatus, TemplateLabel } from '../core/case/index.ts';
import type { Voice } from '../core/letter/index.ts';
import type { ParsedMail } from '../core/mail/index.ts';

export type RawMail = { tooLarge: true; size: number } | { tooLarge: false; bytes: Uint8Array };

export interface RawMailStore {
  /** Reads the stored message unless it is larger than maxBytes (checked before reading it). */
  read(key: string, maxBytes: number): Promise<RawMail>;
}

/** Deleting raw messages: only the owner's "Delete" does, from the review site. */
export interface RawMailEraser {
  /** Deletes the stored message; a key that holds none is no error. */
  delete(key: string): Promise<void>;
}

/** Storing a message: only a pasted rejection is stored by onward itself (SES stores mail). */
export interface RawMailWriter {
  /** Stores `text` (UTF-8) at `key`, replacing nothing onward did not write (keys are new per paste). */
  write(key: string, text: string): Promise<void>;
}

/** A pasted rejection, stored at `<inbound prefix><caseId>`, as the inbound function is handed it. */
export interface PastedRejection {
  /** `paste-<uuid>`: the case it becomes, and the name of its stored text. */
  caseId: string;
  /** Who sent it, as the owner typed it (an address, or empty): it wins over a From in the text. */
  from: string;
}

/** The inbound function, seen from the review site: it reads a paste as it reads a forward. */
export interface InboundFunction {
  /** Hands the paste over and returns at once (an asynchronous invocation, retried by Lambda). */
  readPaste(paste: PastedRejection): Promise<void>;
}

export interface CaseRepository {
  get(id: string): Promise<Case | null>;
  /** Creates the case unless one with that id exists; false when it did. */
  create(record: Case): Promise<boolean>;
  /**
   * Moves a case from one of `from` to `to`, writing `changes`, as one conditional update.
   * Returns the updated case, or null when the case was not in one of `from`.
   */
  transition(id: string, from: readonly CaseStatus[], to: CaseStatus, changes: Partial<Case>): Promise<Case | null>;
  /**
   * Moves a SENT case's follow-up of `round` from one of `from` to `to`, writing `changes` into it,
   * as one conditional update. Returns the updated case, or null when the follow-up was not in
   * one of `from`, or is of another round.
   */
  transitionFollowUp(
    id: string,
    round: number,
    from: readonly FollowUpStatus[],
    to: FollowUpStatus,
    changes: Partial<FollowUp>,
  ): Promise<Case | null>;
  /** The owner's one switch for all follow-ups ("I took a job"): on unless they turned it off. */
  followUpsOn(): Promise<boolean>;
  switchFollowUps(on: boolean, at: string): Promise<void>;
  /** Writes fields without a status change, only while the case is in `status`. */
  update(id: string, status: CaseStatus, changes: Partial<Case>): Promise<Case | null>;
  /** Newest first. */
  list(options?: { status?: CaseStatus; limit?: number }): Promise<Case[]>;
  /**
   * Records that the email with this fingerprint (core/case.ts) is `caseId`'s, unless a case holds
   * it already: returns the id of the case that holds it now (`caseId` when the claim took).
   */
  claimOriginal(fingerprint: string, caseId: string): Promise<string>;
  /** Hands the email from `holder` to `caseId`, only while `holder` still holds it. */
  passOriginal(fingerprint: string, holder: string, caseId: string): Promise<boolean>;
  /**
   * Records that `caseId` tells the owner about `key` (a cause and a day), unless a case did
   * already: returns the case that holds it (`caseId` when the claim took). The record goes by
   * itself after `expiresAt` (epoch seconds).
   */
  claimNotice(key: string, caseId: string, expiresAt: number): Promise<string>;
  /** The owner's verdict on emails of this template (core/labels), or null: one keyed read. */
  templateLabel(fingerprint: string): Promise<TemplateLabel | null>;
  /** Remembers the owner's verdict for the template, unless a later one is remembered already. */
  labelTemplate(fingerprint: string, label: TemplateLabel): Promise<void>;
}

/** Finding the case a reply answers: only the replies function does (ports as CaseEraser, below). */
export interface ReplyLookup {
  /** The case whose draft email (the thank-you's, or its follow-up's) a reply answers (see core/reply). */
  findByReplyRef(ref: string): Promise<Case | null>;
}

/**
 * Deleting what the owner asks to have deleted: only the review site does, so only its function
 * carries this (the other functions' bundles stay without it).
 */
export interface CaseEraser {
  /**
   * Deletes the case, only while it is in one of `statuses`, and the records naming it as the
   * holder of its email (claimOriginal). False when the case was not there in one of them.
   */
  remove(record: Case, statuses: readonly CaseStatus[]): Promise<boolean>;
  /** Forgets every template's verdict ("Delete everything"): how many there were. */
  forgetTemplates(): Promise<number>;
}

interface Mailbox {
  name: string | null;
  address: string;
}

export interface OutgoingMail {
  from: Mailbox;
  to: Mailbox;
  replyTo?: string;
  /**
   * A blind copy: delivered to this address too, named in no header. A letter's copy for its
   * owner is the very message that left, so it threads with the rejection in their mailbox.
   */
  bcc?: string;
  subject: string;
  text: string;
  inReplyTo?: string | null;
  references?: string | null;
  /** Marks mail written by onward itself (notices to the owner), so no auto-responder answers it. */
  automatic?: boolean;
  /** The case a letter belongs to: SES echoes it in bounce and complaint notifications. */
  caseId?: string;
  /** The Message-ID to give a letter (without <>), so the answer to it finds its case. */
  messageId?: string;
}

/** SES refused the message outright: nothing left, the owner may retry. */
export class MailRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MailRejected';
  }
}

export interface Mailer {
  /** Resolves with SES's message id; throws MailRejected when SES refused, anything else when unknown. */
  send(mail: OutgoingMail): Promise<string>;
}

export interface MimeParser {
  parse(raw: Uint8Array): Promise<ParsedMail>;
}

export interface Clock {
  now(): Date;
}

/** Ids and outcomes only: never addresses, subjects, bodies or tokens. */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Signed links into the review site. */
export interface Links {
  review(caseId: string): string;
  /** A follow-up's review page, bound to its round. */
  followUp(caseId: string, round: number): string;
  draftAnyway(caseId: string): string;
  cases(): string;
  /** The unguessable reference a case's reply address carries. */
  replyRef(caseId: string): string;
  /** Where the owner's reply to an email about this letter goes; names the letter as shown. */
  replyAddress(caseId: string, letter?: { to: string | null; subject: string; body: string }): string;
}

export interface Owner {
  name: string;
  /** How the letters greet, sign and close (settings); the owner's name and the defaults when absent. */
  voice?: Voice;
  email: string;
  /** The From of everything onward sends. */
  senderAddress: string;
  /** Every time the owner reads is shown in this zone. */
  timeZone: string;
}

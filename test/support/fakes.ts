// In-memory ports for unit tests of the use cases: plain objects with the same conditional
// semantics as the DynamoDB adapter (a transition succeeds only from an expected status).
import {
  assertFollowUpTransitions,
  assertTransitions,
  type Case,
  type TemplateLabel,
} from '../../lambdas/core/case/index.ts';
import type { OriginalMail, ParsedMail } from '../../lambdas/core/mail/index.ts';
import { letterDigest, replyAddress, replyRef } from '../../lambdas/core/reply-address/index.ts';
import type { PasteDeps } from '../../lambdas/workflow/paste.ts';
import type { OwnerReplies, ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveReply } from '../../lambdas/workflow/reply-received.ts';
import { route, type WebDeps } from '../../lambdas/web/routes.ts';
import type {
  CaseEraser,
  CaseRepository,
  ReplyLookup,
  Clock,
  Links,
  Logger,
  Mailer,
  OutgoingMail,
  RawMailEraser,
  RawMailWriter,
  RawMailStore,
} from '../../lambdas/workflow/ports.ts';

export function memoryCases(): CaseRepository &
  CaseEraser &
  ReplyLookup & {
    items: Map<string, Case>;
    templates: Map<string, TemplateLabel>;
    followUps: { on: boolean };
  } {
  const items = new Map<string, Case>();
  const followUps = { on: true };
  const originals = new Map<string, string>();
  const notices = new Map<string, string>();
  const templates = new Map<string, TemplateLabel>();
  const clone = <T>(v: T): T => structuredClone(v);
  const write = (id: string, from: readonly Case['status'][], to: Case['status'], changes: Partial<Case>) => {
    const current = items.get(id);
    if (!current || !from.includes(current.status)) return null;
    const next: Case = { ...current, ...changes, status: to, updatedAt: new Date().toISOString() };
    for (const [k, v] of Object.entries(changes))
      if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    items.set(id, next);
    return clone(next);
  };
  return {
    items,
    templates,
    followUps,
    async get(id) {
      const c = items.get(id);
      return c ? clone(c) : null;
    },
    async create(record) {
      if (items.has(record.id)) return false;
      items.set(record.id, clone(record));
      return true;
    },
    async transition(id, from, to, changes) {
      // The use cases may only make the moves the state machine draws (as the DynamoDB adapter).
      assertTransitions(from, to);
      return write(id, from, to, changes);
    },
    async update(id, status, changes) {
      return write(id, [status], status, changes);
    },
    async transitionFollowUp(id, round, from, to, changes) {
      assertFollowUpTransitions(from, to);
      const current = items.get(id);
      const f = current?.followUp;
      if (current?.status !== 'SENT' || !f || f.round !== round || !from.includes(f.status)) return null;
      const next = { ...f, ...changes, status: to };
      for (const [k, v] of Object.entries(changes))
        if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
      items.set(id, { ...current, followUp: next });
      return clone(items.get(id)!);
    },
    async followUpsOn() {
      return followUps.on;
    },
    async switchFollowUps(on) {
      followUps.on = on;
    },
    async findByReplyRef(ref) {
      const found = [...items.values()].find((c) => c.replyRef === ref || c.followUp?.replyRef === ref);
      return found ? clone(found) : null;
    },
    async claimOriginal(fingerprint, caseId) {
      const holder = originals.get(fingerprint);
      if (holder !== undefined) return holder;
      originals.set(fingerprint, caseId);
      return caseId;
    },
    async claimNotice(key, caseId) {
      const holder = notices.get(key);
      if (holder !== undefined) return holder;
      notices.set(key, caseId);
      return caseId;
    },
    async passOriginal(fingerprint, holder, caseId) {
      if (originals.get(fingerprint) !== holder) return false;
      originals.set(fingerprint, caseId);
      return true;
    },
    async templateLabel(fingerprint) {
      const said = templates.get(fingerprint);
      return said ? clone(said) : null;
    },
    async labelTemplate(fingerprint, label) {
      // As the adapter: an earlier verdict written late does not undo a later one.
      const now = templates.get(fingerprint);
      if (!now || now.at <= label.at) templates.set(fingerprint, clone(label));
    },
    async forgetTemplates() {
      const forgotten = templates.size;
      templates.clear();
      return forgotten;
    },
    async remove(record, statuses) {
      const current = items.get(record.id);
      if (!current || !statuses.includes(current.status)) return false;
      items.delete(record.id);
      for (const [fingerprint, holder] of originals) if (holder === record.id) originals.delete(fingerprint);
      return true;
    },
    async list(options = {}) {
      return [...items.values()]
        .filter((c) => !options.status || c.status === options.status)
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
        .slice(0, options.limit ?? 500)
        .map(clone);
    },
  };
}

export function recordingMailer(): Mailer & { sent: OutgoingMail[]; failWith?: Error } {
  const mailer = {
    sent: [] as OutgoingMail[],
    failWith: undefined as Error | undefined,
    async send(mail: OutgoingMail) {
      if (mailer.failWith) throw mailer.failWith;
      mailer.sent.push(mail);
      return `ses-${mailer.sent.length}`;
    },
  };
  return mailer;
}

export function rawStore(messages: Record<string, string | Uint8Array>): RawMailStore & RawMailEraser & RawMailWriter {
  return {
    async write(key, text) {
      messages[key] = text;
    },
    async delete(key) {
      delete messages[key];
    },
    async read(key, maxBytes) {
      const m = messages[key];
      if (m === undefined) throw new Error(`NoSuchKey ${key}`);
      const bytes = typeof m === 'string' ? new TextEncoder().encode(m) : m;
      return bytes.length > maxBytes ? { tooLarge: true, size: bytes.length } : { tooLarge: false, bytes };
    },
  };
}

export const fixedClock = (iso = '2026-11-26T12:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

export function silentLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
    error: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
  };
}

const FAKE_KEY = Buffer.from('fake signing key for unit tests!');

export const fakeLinks: Links = {
  review: (id) => `https://review.test/t/review-${id}`,
  followUp: (id, round) => `https://review.test/t/follow-up-${id}-${round}`,
  draftAnyway: (id) => `https://review.test/t/draft-${id}`,
  cases: () => 'https://review.test/t/cases',
  replyRef: (id) => replyRef(FAKE_KEY, id),
  replyAddress: (id, letter) =>
    replyAddress('inbox@onward.test', replyRef(FAKE_KEY, id), letter ? letterDigest(letter) : undefined),
};

export const owner = {
  name: 'Sam Rivera',
  email: 'me@example.com',
  senderAddress: 'letters@onward.test',
  timeZone: 'UTC',
};

/** An email as the recruiter sent it, straight to the reader (no forward around it). */
export function original(over: Partial<OriginalMail> = {}): OriginalMail {
  return {
    style: 'direct',
    from: { name: 'Careers', address: 'careers@grainwood.example' },
    replyTo: [],
    cc: [],
    subject: 'Your application',
    date: null,
    messageId: null,
    references: null,
    text: '',
    ...over,
  };
}

export function parsed(over: Partial<ParsedMail> = {}): ParsedMail {
  return {
    messageId: '<orig@grainwood.example>',
    from: [{ name: 'Sam Rivera', address: 'me@example.com' }],
    replyTo: [],
    to: [],
    cc: [],
    subject: 'Fwd: x',
    date: null,
    inReplyTo: null,
    references: null,
    text: '',
    headers: [],
    attached: null,
    ...over,
  };
}

/** What a web test that pastes nothing needs beside its own deps: a paste that fails loudly, an empty bucket. */
/** The review site's link signer at `nowSeconds`: links to https://review.test/, valid an hour. */
export const testSigner = (nowSeconds: number) => ({
  key: Buffer.from('k'.repeat(32)),
  baseUrl: 'https://review.test/',
  ttlSeconds: 3600,
  nowSeconds: () => nowSeconds,
});

export const webDefaults: {
  inboundAddress: string;
  paste: PasteDeps;
  newId: () => string;
  rawMail: RawMailEraser;
  rawMailPrefix: string;
  followUpDays: number;
} = {
  inboundAddress: 'inbox@onward.test',
  paste: {
    rawMail: rawStore({}),
    rawMailPrefix: 'inbound/',
    inbound: {
      readPaste: () => {
        throw new Error('no paste in this test');
      },
    },
    log: silentLog(),
  },
  newId: () => {
    throw new Error('no paste in this test');
  },
  rawMail: rawStore({}),
  rawMailPrefix: 'inbound/',
  followUpDays: 56,
};

/**
 * The owner's replies acted on at once, in-process, by the replies function's own use case (on
 * AWS the inbound function hands them to that function): `deps` is the receiving side's.
 */
export function repliesInProcess(deps: () => ReceiveDeps): OwnerReplies {
  return { handle: (mail) => receiveReply(deps(), mail) };
}

/**
 * The review site called as a browser at https://review.test/ would: a link's path (as written in
 * a page, `&amp;` and all), and the form when it posts one.
 */
export const siteCall =
  (deps: WebDeps) =>
  (method: string, url: string, form: Record<string, string> = {}) =>
    route(deps, {
      method,
      path: new URL(url.replace(/&amp;/g, '&')).pathname,
      query: new URLSearchParams(),
      headers: { host: 'review.test', origin: 'null' },
      form: new URLSearchParams(form),
    });

// onward's own local mailbox: every message the local stack sent (drafts and notices to the owner,
// letters to interviewers), read from the copies it keeps in <data>/outbox/, newest first, grouped
// in threads. A local-stack page only: the HTTP front serves it; no Lambda bundle carries it.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseForMailbox, type ShownMail } from '../adapters/mime.ts';
import { timeIn } from '../core/case/index.ts';
import { esc, pageWithStyle } from '../web/pages/layout.ts';

/** The newest messages shown; older ones stay in the folder. */
const SHOWN = 200;

export interface MailboxMessage extends ShownMail {
  file: string;
  /** When onward sent it: the outbox names each file by its send time, so restarts keep it. */
  sentAt: Date;
}

/** `<ms since epoch>-<n>.eml`, as the outbox recorder names each message (emulators.ts). */
function sentAt(name: string, fallback: Date): Date {
  const ms = Number(/^(\d{10,})-/.exec(name)?.[1]);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : fallback;
}

/** The newest messages first; one that cannot be read is left out, never the page. */
export async function readMailbox(dir: string, limit = SHOWN): Promise<{ messages: MailboxMessage[]; total: number }> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  const newest = names.slice(-limit).reverse();
  const messages: MailboxMessage[] = [];
  for (const name of newest) {
    const file = path.join(dir, name);
    try {
      const [raw, info] = await Promise.all([readFile(file), stat(file)]);
      messages.push({ file: name, sentAt: sentAt(name, info.mtime), ...(await parseForMailbox(raw)) });
    } catch {
      // A message that vanished or cannot be parsed is skipped: the rest still show.
    }
  }
  return { messages, total: names.length };
}

const ids = (value: string | null): string[] => value?.match(/<[^<>\s]+>/g) ?? [];

/** Onward's own subject prefixes ("Draft thank-you: …", "Sent: …") and Re:/Fwd:, taken off to thread by topic. */
const PREFIX =
  /^(?:(?:re|fwd?|aw|sv|wg)\s*:\s*|(?:draft thank-you|follow-up draft|not now|stopped|sent|not sent|already sent|perhaps sent|discarded|not discarded|nothing done|not revised|draft expired|no letter drafted|already forwarded|passed on|a fresh onward link)\s*:\s*)+/i;

/**
 * Messages grouped in threads, as a mail client would: by the first id of References (or
 * In-Reply-To) — a letter and the rejection it answers — and, for mail without those, by subject
 * without Re:/Fwd: and onward's prefixes. Threads newest first, and newest first within each.
 */
function threads(messages: MailboxMessage[]): MailboxMessage[][] {
  const byKey = new Map<string, MailboxMessage[]>();
  const idToKey = new Map<string, string>();
  const topicToKey = new Map<string, string>();
  for (const m of [...messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())) {
    const related = [...ids(m.mail.references), ...ids(m.mail.inReplyTo)];
    const topic = m.mail.subject.replace(PREFIX, '').trim().toLowerCase();
    const key =
      related.map((id) => idToKey.get(id)).find(Boolean) ??
      related[0] ??
      topicToKey.get(topic) ??
      ids(m.mail.messageId)[0] ??
      `subject:${topic}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
    for (const id of [...ids(m.mail.messageId), ...related]) if (!idToKey.has(id)) idToKey.set(id, key);
    if (!topicToKey.has(topic)) topicToKey.set(topic, key);
  }
  return [...byKey.values()].map((t) => t.reverse()).sort((a, b) => b[0]!.sentAt.getTime() - a[0]!.sentAt.getTime());
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’”]/g;

/** Escaped text whose http(s) links are links: the only markup a message gets. */
function linkified(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += `${esc(text.slice(last, m.index))}<a href="${esc(m[0])}">${esc(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

const people = (list: { name: string | null; address: string }[]) =>
  list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ') || '—';

const size = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`);

function message(m: MailboxMessage, timeZone: string): string {
  const attached = m.attachments.length
    ? `<p class="attached"><strong>Attached:</strong> ${m.attachments
        .map((a) => `${esc(a.filename)} <small>(${esc(a.mimeType)}, ${esc(size(a.bytes))})</small>`)
        .join(', ')}</p>`
    : '';
  return `<article class="mail"><dl>
<dt>From</dt><dd>${esc(people(m.mail.from))}</dd>
<dt>To</dt><dd>${esc(people(m.mail.to))}</dd>
<dt>Subject</dt><dd>${esc(m.mail.subject || '(no subject)')}</dd>
<dt>Sent</dt><dd><time datetime="${esc(m.sentAt.toISOString())}">${esc(timeIn(timeZone, m.sentAt))}</time></dd></dl>
<pre class="mail">${linkified(m.mail.text.trim())}</pre>${attached}</article>`;
}

const MAILBOX_STYLE = `
section.thread{padding:.25rem 1rem}article.mail{border-top:1px solid var(--line);padding:.9rem 0}section.thread>h2+article.mail{border-top:0;padding-top:.2rem}
pre.mail{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;margin:.8rem 0 0}pre.mail a{overflow-wrap:anywhere}
p.attached{margin:.6rem 0 0}h2 small{font-weight:400}
`;

export function mailboxPage(
  box: { messages: MailboxMessage[]; total: number },
  options: { timeZone: string; folder: string; casesUrl: string },
): { html: string; headers: Record<string, string> } {
  const groups = threads(box.messages);
  const older =
    box.total > box.messages.length
      ? `<p class="muted">The ${box.messages.length} newest of ${box.total} messages; the rest are in ${esc(options.folder)}.</p>`
      : '';
  const body = groups.length
    ? groups
        .map((t) => {
          const count = t.length > 1 ? ` <small>(${t.length} messages)</small>` : '';
          return `<section class="thread"><h2>${esc(t[0]!.mail.subject || '(no subject)')}${count}</h2>${t.map((m) => message(m, options.timeZone)).join('')}</section>`;
        })
        .join('')
    : '<section><p>Nothing yet. Forward a rejection to onward (the banner of <code>npm start</code> shows how) and its draft appears here within a second.</p></section>';
  return pageWithStyle(
    'Mailbox',
    `<p class="muted"><a href="${esc(options.casesUrl)}">Your cases</a></p><h1>Your local mailbox</h1>
<p class="muted">Every email onward sent from this machine, newest first: drafts and notes to you, and the letters that left. Kept in ${esc(options.folder)}; on AWS these go to your real mailbox.</p>${older}${body}`,
    MAILBOX_STYLE,
  );
}

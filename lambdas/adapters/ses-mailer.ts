// Sends through SES SendRawEmail, which lets onward set the threading headers. onward only ever
// sends one text/plain part, so the message is composed here: RFC 5322 headers, RFC 2047 encoded
// words where a header needs them, and a UTF-8 quoted-printable body from nodemailer's QP encoder.
// (nodemailer's MailComposer did the same but put ~130 KB into every bundle, mostly a MIME-type
// table for attachments onward never sends; its QP encoder alone is ~3 KB.)
import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp/index.js';
import { MailRejected, type Mailer, type OutgoingMail } from '../workflow/ports.ts';
import { AwsError, xmlText, type AwsHttp } from './aws-http.ts';

// Errors after which SES certainly did not accept the message: safe for the owner to retry.
const REFUSALS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
  'AccountSendingPausedException',
  'Throttling',
  'ThrottlingException',
  'InvalidParameterValue',
  'ValidationError',
  'BadRequestException',
]);

// A header value is one line: a CR or LF from a subject or a name must not start a new header.
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

// Printable ASCII that a reader would not mistake for an encoded word.
const PLAIN = /^[\x20-\x7e]*$/;
const needsEncoding = (value: string): boolean => !PLAIN.test(value) || value.includes('=?');

/**
 * RFC 2047 "B" encoded words, each at most 75 characters, never splitting a character: 45 bytes
 * of UTF-8 make 60 characters of base64, plus the 12 of `=?UTF-8?B?` and `?=`.
 */
function encodedWords(value: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > 45) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`);
}

/** Folds a header onto continuation lines at spaces, keeping lines near 78 characters. */
function header(name: string, tokens: string[]): string {
  let out = `${name}:`;
  let line = out.length;
  for (const token of tokens) {
    if (line + 1 + token.length > 78 && line > name.length + 1) {
      out += `\r\n ${token}`;
      line = 1 + token.length;
    } else {
      out += ` ${token}`;
      line += 1 + token.length;
    }
  }
  return out;
}

/** Unstructured text (Subject): as it is when it can be, else encoded words. */
function text(value: string): string[] {
  const v = oneLine(value);
  return needsEncoding(v) ? encodedWords(v) : v.split(/ +/).filter(Boolean);
}

// atext and spaces: a display name made of these needs no quotes.
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

function address(raw: string): string {
  const a = oneLine(raw).replace(/[<>\s]/g, '');
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  const domain = a.slice(at + 1);
  return `${a.slice(0, at)}@${PLAIN.test(domain) ? domain : domainToASCII(domain) || domain}`;
}

function mailbox(box: { name: string | null; address: string }): string[] {
  const addr = `<${address(box.address)}>`;
  const name = box.name ? oneLine(box.name) : '';
  if (!name) return [address(box.address)];
  if (needsEncoding(name)) return [...encodedWords(name), addr];
  if (ATOMS.test(name)) return [...name.split(/ +/), addr];
  return [`"${name.replace(/["\\]/g, '\\$&')}"`, addr];
}

/** Message ids as `<id>` tokens, whatever separated them. */
function ids(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((id) => id.replace(/^<|>$/g, ''))
    .filter(Boolean)
    .map((id) => `<${id}>`);
}

/** RFC 5322 date in UTC, as nodemailer wrote it. */
const rfcDate = (d: Date): string => d.toUTCString().replace(/GMT$/, '+0000');

export function buildRawMessage(mail: OutgoingMail, now = new Date()): Promise<Buffer> {
  const fromAddress = address(mail.from.address);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'localhost';
  const lines = [
    ...(mail.automatic ? ['Auto-Submitted: auto-generated'] : []),
    header('From', mailbox(mail.from)),
    header('To', mailbox(mail.to)),
    ...(mail.replyTo ? [header('Reply-To', [address(mail.replyTo)])] : []),
    ...(mail.inReplyTo ? [header('In-Reply-To', ids(mail.inReplyTo).slice(0, 1))] : []),
    ...(mail.references ? [header('References', ids(mail.references))] : []),
    header('Subject', text(mail.subject)),
    `Message-ID: <${mail.messageId ? oneLine(mail.messageId).replace(/[<>\s]/g, '') : `${randomUUID()}@${domain}`}>`,
    `Date: ${rfcDate(now)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
  ];
  const body = qpWrap(qpEncode(mail.text.replace(/\r?\n/g, '\r\n')), 76);
  return Promise.resolve(Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8'));
}

/**
 * SendRawEmail in SES's query protocol. The client makes exactly one attempt (aws-http.ts): a
 * retry after a lost response would send a second letter. A failed owner notification fails the
 * invocation instead, and Lambda retries.
 */
export function sesMailer(ses: AwsHttp, configurationSet?: string): Mailer {
  return {
    async send(mail) {
      const raw = await buildRawMessage(mail);
      const form = new URLSearchParams({
        Action: 'SendRawEmail',
        Version: '2010-12-01',
        'RawMessage.Data': raw.toString('base64'),
      });
      // A blind copy is one more destination and no header: SES then delivers to exactly these.
      if (mail.bcc) {
        form.set('Destinations.member.1', address(mail.to.address));
        form.set('Destinations.member.2', address(mail.bcc));
      }
      // The configuration set routes bounces and complaints back; the tag names the case.
      if (configurationSet) form.set('ConfigurationSetName', configurationSet);
      if (mail.caseId) {
        form.set('Tags.member.1.Name', 'case');
        form.set('Tags.member.1.Value', mail.caseId);
      }
      try {
        const answer = await ses.send(
          { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() },
          (response) => response.text(),
        );
        return xmlText(answer, 'MessageId') ?? 'unknown';
      } catch (error) {
        // No answer (status 0) or a 5xx leaves it unknown whether SES took the message.
        if (error instanceof AwsError && (REFUSALS.has(error.code) || (error.status >= 400 && error.status < 500))) {
          throw new MailRejected(error.code, error.message);
        }
        throw error;
      }
    },
  };
}

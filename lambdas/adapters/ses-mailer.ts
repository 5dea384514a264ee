// Sends through SES SendRawEmail, which lets onward set the threading headers. The message is
// built with nodemailer's MailComposer (RFC 5322/2047 encoding done right).
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { MailRejected, type Mailer, type OutgoingMail } from '../workflow/ports.ts';

// Errors after which SES certainly did not accept the message: safe for the owner to retry.
const REFUSALS = new Set([
  'MessageRejected', 'MailFromDomainNotVerifiedException', 'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException', 'AccountSendingPausedException', 'Throttling',
  'ThrottlingException', 'InvalidParameterValue', 'ValidationError', 'BadRequestException',
]);

function mailbox(box: { name: string | null; address: string }) {
  return box.name ? { name: box.name, address: box.address } : box.address;
}

export function buildRawMessage(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mailbox(mail.from),
    to: mailbox(mail.to),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references ? { references: mail.references } : {}),
    ...(mail.automatic ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
  });
  return composer.compile().build();
}

/**
 * The SES client must be built with maxAttempts 1: an SDK retry after a lost response would send
 * a second letter. A failed owner notification fails the invocation instead, and Lambda retries.
 */
export function sesMailer(ses: SESClient, configurationSet?: string): Mailer {
  return {
    async send(mail) {
      const raw = await buildRawMessage(mail);
      try {
        const result = await ses.send(
          new SendRawEmailCommand({
            RawMessage: { Data: raw },
            // The configuration set routes bounces and complaints back; the tag names the case.
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
            ...(mail.caseId ? { Tags: [{ Name: 'case', Value: mail.caseId }] } : {}),
          }),
        );
        return result.MessageId ?? 'unknown';
      } catch (error) {
        const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode ?? 0;
        if (REFUSALS.has(e.name ?? '') || (status >= 400 && status < 500)) {
          throw new MailRejected(e.name ?? `HTTP ${status}`, e.message ?? 'SES refused the message');
        }
        throw error;
      }
    },
  };
}

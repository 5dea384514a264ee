// Gmail's "confirm forwarding" email, as Gmail sends it: from forwarding-noreply@google.com, marked
// automatic, signed by google.com, its subject in the account's language with a numeric code, a
// confirmation link in the body. Parsed by the real MIME parser, received as on AWS (verdicts
// required). It must reach the owner — without it, automatic forwarding cannot be switched on.
import { describe, expect, it } from 'vitest';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import type { ParsedMail } from '../../lambdas/core/mail/index.ts';
import type { Envelope } from '../../lambdas/core/trust/index.ts';
import type { ReceiveDeps } from '../../lambdas/workflow/inbound.ts';
import { receiveMail } from '../../lambdas/workflow/receive-mail.ts';
import {
  fakeLinks,
  fixedClock,
  memoryCases,
  owner,
  recordingMailer,
  silentLog,
  repliesInProcess,
} from '../support/fakes.ts';

const INBOUND = 'inbox@onward.test';

function confirmation(subject: string, body: string, from = 'Gmail Team <forwarding-noreply@google.com>'): string {
  return [
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=20230601; t=1764000000;',
    ' h=to:from:subject:message-id:date:mime-version:from:to:cc:subject:date:message-id:reply-to;',
    ' bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCdEf0123456789',
    'MIME-Version: 1.0',
    'X-Received: by 2002:a05:6a00:1a8e:b0:7a2:1b4c:5d6e with SMTP id a14mr1234567pfv.52.1764000000123;',
    ' Tue, 24 Nov 2026 08:40:00 -0800 (PST)',
    'Auto-Submitted: auto-generated',
    'Message-ID: <000000000000a1b2c3d4e5f60718@google.com>',
    'Date: Tue, 24 Nov 2026 08:40:00 -0800',
    `Subject: ${subject}`,
    `From: ${from}`,
    `To: ${INBOUND}`,
    'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');
}

const ENGLISH = confirmation(
  '(#123456789) Gmail Forwarding Confirmation - Receive Mail from me@gmail.com',
  [
    `me@gmail.com has requested to automatically forward mail to your email address ${INBOUND}.`,
    'Confirmation code: 123456789',
    '',
    'To allow me@gmail.com to automatically forward mail to your address, please click the link below to confirm the request:',
    '',
    'https://mail-settings.google.com/mail/vf-%5BANGjdJ8xyz%5D-abc123',
  ].join('\r\n'),
);
const SPANISH = confirmation(
  '=?UTF-8?Q?=28#123456789=29_Confirmaci=C3=B3n_de_reenv=C3=ADo_de_Gmail_-_Recibir_correo_de_me@gmail.com?=',
  `me@gmail.com ha solicitado reenviar automáticamente correo a tu dirección ${INBOUND}.\r\nCódigo de confirmación: 123456789\r\nhttps://mail-settings.google.com/mail/vf-%5BANGjdJ8xyz%5D-abc123`,
);
// No code in the subject here: the link in the body tells.
const CHINESE = confirmation(
  '=?UTF-8?B?KEdtYWlsKSDovazlj5Hnoa7orqQ=?=',
  `me@gmail.com 请求将邮件自动转发到您的电子邮件地址 ${INBOUND}。\r\n确认码：123456789\r\nhttps://mail-settings.google.com/mail/vf-%5BANGjdJ8xyz%5D-abc123`,
);

// Google's mail passes DMARC (google.com publishes p=reject); the envelope is Google's own.
const GOOGLE: Envelope = {
  source: 'forwarding-noreply@google.com',
  spam: 'PASS',
  virus: 'PASS',
  spf: 'PASS',
  dkim: 'PASS',
  dkimDomains: ['google.com'],
  dmarc: 'PASS',
};

async function receive(raw: string, envelope: Envelope = GOOGLE) {
  const mail: ParsedMail = await parseMime(new TextEncoder().encode(raw));
  const cases = memoryCases();
  const mailer = recordingMailer();
  const deps: ReceiveDeps = {
    replies: repliesInProcess(() => deps),
    cases,
    rawMail: { read: async () => ({ tooLarge: false, bytes: new TextEncoder().encode(raw) }) },
    parser: { parse: async () => mail },
    mailer,
    links: fakeLinks,
    clock: fixedClock(),
    log: silentLog(),
    owner,
    policy: {
      allowedSenders: ['me@example.com'],
      ownAddresses: ['letters@onward.test', INBOUND],
      requireDmarcPass: true,
    },
    maxMessageBytes: 100_000,
    inboundAddress: INBOUND,
  };
  const outcome = await receiveMail(deps, {
    messageId: 'm1',
    objectKey: 'inbound/m1',
    envelope,
    recipients: [INBOUND],
  });
  return { outcome, mailer, record: cases.items.get('m1')! };
}

describe('Gmail’s forwarding confirmation, with the headers Gmail sends', () => {
  it.each([
    ['English', ENGLISH],
    ['Spanish', SPANISH],
    ['Chinese, no code in the subject', CHINESE],
  ])('%s: passed on to the owner, though it is marked Auto-Submitted', async (_language, raw) => {
    const { outcome, mailer, record } = await receive(raw);
    expect(outcome).toMatchObject({ outcome: 'ignored', reason: 'forwarding-confirmation' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.address).toBe('me@example.com');
    expect(mailer.sent[0]!.text).toContain('https://mail-settings.google.com/mail/vf-');
    expect(mailer.sent[0]!.text).toContain('123456789');
    expect(record.classification).toBeUndefined();
  });

  it('is recognised on an aligned google.com signature where DMARC could not be read', async () => {
    const { outcome } = await receive(ENGLISH, { ...GOOGLE, dmarc: 'PROCESSING_FAILED' });
    expect(outcome).toMatchObject({ reason: 'forwarding-confirmation' });
  });

  it('is not passed on when it only claims to be Google’s', async () => {
    const forged = await receive(ENGLISH, {
      ...GOOGLE,
      source: 'mallory@evil.test',
      dkimDomains: ['evil.test'],
      dmarc: 'FAIL',
    });
    expect(forged.outcome).toMatchObject({ outcome: 'ignored', reason: 'auto-submitted' });
    expect(forged.mailer.sent).toEqual([]);
  });

  it('other automatic mail from Google is still set aside as automatic', async () => {
    const other = confirmation('Security alert', 'A new sign-in on Linux', 'Google <no-reply@accounts.google.com>');
    const { outcome, mailer } = await receive(other, { ...GOOGLE, source: 'no-reply@accounts.google.com' });
    expect(outcome).toMatchObject({ reason: 'auto-submitted' });
    expect(mailer.sent).toEqual([]);
  });
});

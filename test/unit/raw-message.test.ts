// MIME both ways: the letter's, composed by hand to keep bundles small (checked by parsing it
// back), and mail as it arrives (charsets Node decodes wrongly).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRawMessage } from '../../lambdas/adapters/ses-mailer.ts';
import { parseMime } from '../../lambdas/adapters/mime.ts';

const base = {
  from: { name: 'Zoë Ångström', address: 'letters@onward.test' },
  to: { name: 'Sandra Ing, Sales', address: 'sandra@grainwood.example' },
  replyTo: 'me@example.com',
  subject: 'Re: Your application — Administrative Assistant',
  text: 'Dear Sandra,\n\nThank you — truly. Café, naïve, 日本語.\n\nZoë',
  inReplyTo: '<orig@grainwood.example>',
  references: '<a@x> <orig@grainwood.example>',
};

describe('the raw letter', () => {
  it('round-trips names, subject, threading and a UTF-8 body', async () => {
    const mail = await parseMime(await buildRawMessage(base));
    expect(mail.from).toEqual([{ name: 'Zoë Ångström', address: 'letters@onward.test' }]);
    expect(mail.to).toEqual([{ name: 'Sandra Ing, Sales', address: 'sandra@grainwood.example' }]);
    expect(mail.replyTo).toEqual([{ name: null, address: 'me@example.com' }]);
    expect(mail.subject).toBe(base.subject);
    expect(mail.inReplyTo).toBe('<orig@grainwood.example>');
    expect(mail.references).toBe('<a@x> <orig@grainwood.example>');
    expect(mail.text.trim().replace(/\r\n/g, '\n')).toBe(base.text);
  });

  it('carries the Message-ID onward gave the letter, so the answer to it finds its case', async () => {
    const given = await parseMime(await buildRawMessage({ ...base, messageId: 'onward.c1.letter@onward.test' }));
    expect(given.messageId).toBe('<onward.c1.letter@onward.test>');
    // A line break or brackets in it start no header and make no second id.
    const raw = (await buildRawMessage({ ...base, messageId: '<x@y>\r\nBcc: v@evil.example' })).toString();
    expect(raw).not.toMatch(/^Bcc:/im);
    expect((await parseMime(await buildRawMessage(base))).messageId).toMatch(/^<[0-9a-f-]{36}@onward\.test>$/);
  });

  it('never lets a subject or a name start a header of its own', async () => {
    const raw = (
      await buildRawMessage({
        ...base,
        subject: 'Hi\r\nBcc: victim@evil.example',
        to: { name: 'X\nBcc: v2@evil.example', address: 'sandra@grainwood.example' },
      })
    ).toString();
    expect(raw).not.toMatch(/^Bcc:/im);
    const mail = await parseMime(raw);
    expect(mail.headers.filter((h) => h.name === 'bcc')).toEqual([]);
  });

  it('keeps any subject and body intact (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.string({ maxLength: 400 }), async (subject, text) => {
        const mail = await parseMime(await buildRawMessage({ ...base, subject, text }));
        expect(mail.subject).toBe(
          subject
            .replace(/[\r\n]+/g, ' ')
            .trim()
            .replace(/ +/g, ' '),
        );
        expect(mail.text.replace(/\r\n/g, '\n').trim()).toBe(text.replace(/\r\n?/g, '\n').trim());
      }),
      { numRuns: 300 },
    );
  });
});

describe('mail labelled windows-1252 or ISO-8859-1', () => {
  // Outlook's curly quotes and dashes are bytes 0x80–0x9F; Node decodes them as invisible controls.
  it('reads curly quotes and dashes as written, in the body, the subject and names', async () => {
    const raw = [
      'From: =?windows-1252?Q?O=92Brien=2C_Siobhan?= <siobhan.obrien@harbourline.example>',
      'To: me@example.com',
      'Subject: Operations Analyst =?windows-1252?Q?=96?= next steps',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="windows-1252"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'I=92m sorry =96 we=92ve offered the role to another candidate. =80 =93Thanks=94',
      '',
    ].join('\r\n');
    const mail = await parseMime(raw);
    expect(mail.text.trim()).toBe('I’m sorry – we’ve offered the role to another candidate. € “Thanks”');
    expect(mail.subject).toBe('Operations Analyst – next steps');
    expect(mail.from[0]!.name).toBe('O’Brien, Siobhan');
  });
});

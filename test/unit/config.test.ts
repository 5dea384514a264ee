import { describe, expect, it } from 'vitest';
import { replyAddress, letterDigest, replyRef } from '../../lambdas/core/reply-address/index.ts';
import { ConfigError, loadHandlerConfig } from '../../lambdas/handlers/config.ts';

const env = (inbound: string) => ({
  ONWARD_OWNER_NAME: 'Sam Rivera',
  ONWARD_OWNER_EMAIL: 'me@example.com',
  ONWARD_INBOUND_ADDRESS: inbound,
  ONWARD_SENDER_ADDRESS: 'letters@mail.example.com',
  ONWARD_TABLE_NAME: 't',
  ONWARD_BUCKET_NAME: 'b',
  ONWARD_REVIEW_URL: 'https://review.example/',
  ONWARD_SIGNING_KEY: 'k'.repeat(32),
});

describe('the inbound address leaves room for reply tags', () => {
  it('accepts 28 characters before the @, whose reply addresses fit a 64-character local part', () => {
    const inbound = `${'a'.repeat(28)}@mail.example.com`;
    expect(loadHandlerConfig(env(inbound)).inboundAddress).toBe(inbound);
    const reply = replyAddress(
      inbound,
      replyRef(Buffer.from('k'.repeat(32)), 'case-1'),
      letterDigest({ to: 'a@b.example', subject: 's', body: 'b' }),
    );
    expect(reply.split('@')[0]!.length).toBe(64);
  });

  it('refuses 29, saying why', () => {
    expect(() => loadHandlerConfig(env(`${'a'.repeat(29)}@mail.example.com`))).toThrow(ConfigError);
    expect(() => loadHandlerConfig(env(`${'a'.repeat(29)}@mail.example.com`))).toThrow(
      /at most 28 characters before the @/,
    );
  });
});

describe('addresses onward cannot work with', () => {
  it('refuses a "+" in the inbound address: replies to onward+jobs+r-… could not be read', () => {
    expect(() => loadHandlerConfig(env('onward+jobs@mail.example.com'))).toThrow(/no "\+" before the @/);
  });

  it('always lets the owner’s own mailbox write to onward: drafts go there, so replies come from it', () => {
    const config = loadHandlerConfig({ ...env('inbox@mail.example.com'), ONWARD_ALLOWED_SENDERS: 'Me@Gmail.example' });
    expect(config.allowedSenders).toEqual(['me@example.com', 'me@gmail.example']);
  });
});

describe('the handlers take the message size limit the local stack takes', () => {
  it('refuses less than a kilobyte and more than SES receives, and reads 10 MB when unset', () => {
    const base = env('inbox@mail.example.com');
    expect(loadHandlerConfig(base).maxMessageBytes).toBe(10 * 1024 * 1024);
    expect(() => loadHandlerConfig({ ...base, ONWARD_MAX_MESSAGE_BYTES: '1000' })).toThrow(
      'ONWARD_MAX_MESSAGE_BYTES must be between 1024 and 41943040',
    );
    expect(() => loadHandlerConfig({ ...base, ONWARD_MAX_MESSAGE_BYTES: String(41943041) })).toThrow(
      'ONWARD_MAX_MESSAGE_BYTES must be between 1024 and 41943040',
    );
    expect(loadHandlerConfig({ ...base, ONWARD_MAX_MESSAGE_BYTES: '1024' }).maxMessageBytes).toBe(1024);
  });
});

describe('local settings, every problem at once', () => {
  it('names clashing ports beside every other problem, and takes whole numbers only as written', async () => {
    const { loadLocalConfig } = await import('../../lambdas/local/config.ts');
    const result = loadLocalConfig({
      ONWARD_SMTP_PORT: '3000',
      ONWARD_HTTP_PORT: '3000',
      ONWARD_OWNER_EMAIL: 'bad',
      ONWARD_LINK_TTL_DAYS: '1.5',
      ONWARD_SES_PORT: '0x50',
      ONWARD_MAX_MESSAGE_BYTES: '1e4',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'ONWARD_OWNER_EMAIL must be an email address',
        'ONWARD_SES_PORT must be a whole number',
        'ONWARD_MAX_MESSAGE_BYTES must be a whole number',
        'ONWARD_LINK_TTL_DAYS must be a whole number',
        'ONWARD_SMTP_PORT and ONWARD_HTTP_PORT are both 3000: each needs a port of its own',
      ],
    });
    expect(loadLocalConfig({ ONWARD_LINK_TTL_DAYS: '1000000000' })).toEqual({
      ok: false,
      problems: ['ONWARD_LINK_TTL_DAYS must be between 1 and 60'],
    });
    expect(loadLocalConfig({ ONWARD_MAX_MESSAGE_BYTES: '9'.repeat(25) })).toEqual({
      ok: false,
      problems: ['ONWARD_MAX_MESSAGE_BYTES must be between 1024 and 41943040'],
    });
    expect(loadLocalConfig({ ONWARD_SMTP_PORT: ' 2600 ' })).toMatchObject({ ok: true, config: { smtpPort: 2600 } });
    expect(loadLocalConfig({ ONWARD_TIME_ZONE: 'Mars/Olympus' })).toEqual({
      ok: false,
      problems: ['ONWARD_TIME_ZONE must be a time zone name such as Europe/Berlin or America/New_York'],
    });
    // Unset, `npm start` shows times as the machine's clock does; set, as the owner says.
    expect(loadLocalConfig({})).toMatchObject({
      ok: true,
      config: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    });
    expect(loadLocalConfig({ ONWARD_TIME_ZONE: 'Asia/Tokyo' })).toMatchObject({
      ok: true,
      config: { timeZone: 'Asia/Tokyo' },
    });
    expect(() => loadHandlerConfig({ ...env('onward@mail.example.com'), ONWARD_TIME_ZONE: 'Nowhere' })).toThrow(
      /ONWARD_TIME_ZONE must be a time zone name/,
    );
    expect(loadHandlerConfig(env('onward@mail.example.com')).timeZone).toBe('UTC');
    expect(loadLocalConfig({ ONWARD_OWNER_EMAIL: 'Inbox@onward.localhost' })).toEqual({
      ok: false,
      problems: [
        'ONWARD_OWNER_EMAIL must not be the inbound address (inbox@onward.localhost): mail to or from it comes back to onward',
      ],
    });
    expect(loadLocalConfig({ ONWARD_OWNER_EMAIL: 'me@onward.localhost' })).toEqual({
      ok: false,
      problems: [
        "ONWARD_OWNER_EMAIL must not be at the inbound address's domain (onward.localhost): every address there reaches onward, none a mailbox",
      ],
    });
  });
});

describe('the owner’s voice in the letters', () => {
  const base = env('inbox@mail.example.com');

  it('greets by first name, closes as the seed letter and signs with the owner’s name when nothing is set', () => {
    expect(loadHandlerConfig(base).voice).toEqual({
      greeting: 'first-name',
      signOff: 'Sam Rivera',
      signature: [],
      closing: 'Again, thank you!',
    });
  });

  it('takes the greeting, the sign-off, the signature’s lines and the closing as set', () => {
    const voice = loadHandlerConfig({
      ...base,
      ONWARD_GREETING: 'formal',
      ONWARD_SIGN_OFF: 'Sam',
      ONWARD_SIGNATURE: 'Data Engineer | +44 20 7946 0000 |linkedin.com/in/sam',
      ONWARD_CLOSING: 'With thanks,',
    }).voice;
    expect(voice).toEqual({
      greeting: 'formal',
      signOff: 'Sam',
      signature: ['Data Engineer', '+44 20 7946 0000', 'linkedin.com/in/sam'],
      closing: 'With thanks,',
    });
  });

  it('refuses a greeting it does not know, saying which it knows', () => {
    expect(() => loadHandlerConfig({ ...base, ONWARD_GREETING: 'Dear' })).toThrow(
      /ONWARD_GREETING must be first-name or formal/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { replyAddress, letterDigest, replyRef } from '../../lambdas/core/reply.ts';
import { ConfigError, loadHandlerConfig } from '../../lambdas/handlers/config.ts';

const env = (inbound: string) => ({
  ONWARD_OWNER_NAME: 'Sam Rivera', ONWARD_OWNER_EMAIL: 'me@example.com', ONWARD_INBOUND_ADDRESS: inbound, ONWARD_SENDER_ADDRESS: 'letters@mail.example.com',
  ONWARD_TABLE_NAME: 't', ONWARD_BUCKET_NAME: 'b', ONWARD_REVIEW_URL: 'https://review.example/', ONWARD_SIGNING_KEY: 'k'.repeat(32),
});

describe('the inbound address leaves room for reply tags', () => {
  it('accepts 28 characters before the @, whose reply addresses fit a 64-character local part', () => {
    const inbound = `${'a'.repeat(28)}@mail.example.com`;
    expect(loadHandlerConfig(env(inbound)).inboundAddress).toBe(inbound);
    const reply = replyAddress(inbound, replyRef(Buffer.from('k'.repeat(32)), 'case-1'), letterDigest({ to: 'a@b.example', subject: 's', body: 'b' }));
    expect(reply.split('@')[0]!.length).toBe(64);
  });

  it('refuses 29, saying why', () => {
    expect(() => loadHandlerConfig(env(`${'a'.repeat(29)}@mail.example.com`))).toThrow(ConfigError);
    expect(() => loadHandlerConfig(env(`${'a'.repeat(29)}@mail.example.com`))).toThrow(/at most 28 characters before the @/);
  });
});

describe('found by an exploratory run', () => {
  it('refuses a "+" in the inbound address: replies to onward+jobs+r-… could not be read', () => {
    expect(() => loadHandlerConfig(env('onward+jobs@mail.example.com'))).toThrow(/no "\+" before the @/);
  });

  it('always lets the owner’s own mailbox write to onward: drafts go there, so replies come from it', () => {
    const config = loadHandlerConfig({ ...env('inbox@mail.example.com'), ONWARD_ALLOWED_SENDERS: 'Me@Gmail.example' });
    expect(config.allowedSenders).toEqual(['me@example.com', 'me@gmail.example']);
  });
});

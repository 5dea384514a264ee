import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signToken, verifyToken } from '../../lambdas/core/links/index.ts';

const key = Buffer.from('k'.repeat(32));
const now = 1_800_000_000;
const claims = { caseId: '0100018c-abc-000000', action: 'send' as const, expiresAt: now + 3600 };

describe('approval tokens', () => {
  it('verifies a token it signed, with its claims', () => {
    expect(verifyToken(key, signToken(key, claims), now)).toEqual({ ok: true, claims });
  });

  it('says expired only for an authentic token past its expiry', () => {
    const token = signToken(key, { ...claims, expiresAt: now - 1 });
    expect(verifyToken(key, token, now)).toMatchObject({
      ok: false,
      reason: 'expired',
      claims: { caseId: claims.caseId },
    });
  });

  it('refuses a token signed with another key', () => {
    expect(verifyToken(Buffer.from('x'.repeat(32)), signToken(key, claims), now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a token moved to another case or action', () => {
    const [, action, exp, sig] = signToken(key, claims).split('.');
    const otherCase = [Buffer.from('other-case').toString('base64url'), action, exp, sig].join('.');
    const otherAction = [Buffer.from(claims.caseId).toString('base64url'), 'discard', exp, sig].join('.');
    expect(verifyToken(key, otherCase, now).ok).toBe(false);
    expect(verifyToken(key, otherAction, now).ok).toBe(false);
  });

  it('refuses truncated and malformed tokens without throwing', () => {
    const token = signToken(key, claims);
    for (const bad of [
      '',
      '...',
      token.slice(0, -1),
      token.slice(0, 10),
      `${token}.x`,
      'a.b.c.d',
      token.replace('send', 'sendx'),
    ]) {
      expect(verifyToken(key, bad, now).ok).toBe(false);
    }
  });

  it('calls a token that is not shaped like one malformed, not forged', () => {
    const [id, action, exp, sig] = signToken(key, claims).split('.') as [string, string, string, string];
    for (const bad of [
      `${id}.${action}.${exp}`,
      `${id}.${action}.${exp}.${sig}.${sig}`,
      // An action no link carries, every other part intact.
      `${id}.admin.${exp}.${sig}`,
      // Expiries that are no base-36 number of seconds, or a negative one.
      `${id}.${action}.-1.${sig}`,
      `${id}.${action}.${exp.toUpperCase()}.${sig}`,
    ]) {
      expect(verifyToken(key, bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('accepts one spelling of each link only: the same claims written differently are refused', () => {
    const [id, action, exp, sig] = signToken(key, claims).split('.') as [string, string, string, string];
    expect(verifyToken(key, `${id}.${action}.0${exp}.${sig}`, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken(key, `${id}=.${action}.${exp}.${sig}`, now)).toEqual({ ok: false, reason: 'malformed' });
    // The signature's last character spelled with other unused low bits: the same bytes, another spelling.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const other = alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1]!;
    const respelled = `${id}.${action}.${exp}.${sig.slice(0, -1)}${other}`;
    expect(Buffer.from(respelled.split('.')[3]!, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(verifyToken(key, respelled, now)).toEqual({ ok: false, reason: 'bad-signature' });
    // An expiry with more digits than a link ever needs, even when signed.
    const far = signToken(key, { ...claims, expiresAt: 36 ** 12 });
    expect(far.split('.')[2]).toHaveLength(13);
    expect(verifyToken(key, far, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a signature of the wrong length as forged, without throwing (the page says 403, not 500)', () => {
    const [id, action, exp, sig] = signToken(key, claims).split('.') as [string, string, string, string];
    const bytes = Buffer.from(sig, 'base64url');
    for (const other of [bytes.subarray(0, 31), bytes.subarray(0, 1), Buffer.concat([bytes, Buffer.from([0])])]) {
      const token = `${id}.${action}.${exp}.${other.toString('base64url')}`;
      expect(verifyToken(key, token, now)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it('stops working at the second it expires', () => {
    expect(verifyToken(key, signToken(key, { ...claims, expiresAt: now }), now)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(verifyToken(key, signToken(key, { ...claims, expiresAt: now + 1 }), now).ok).toBe(true);
  });

  it('fails on any single-character change (property)', () => {
    const token = signToken(key, claims);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(token[i] !== ch);
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        expect(verifyToken(key, changed, now).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

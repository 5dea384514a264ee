// Signed, expiring links bound to one case and one action (docs/DESIGN.md §4). The token is the only
// authority a link carries, so verification is constant-time and checks the signature before
// anything else in the token is trusted — including its expiry.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_ACTIONS = [
  'review',
  'send',
  'discard',
  'draft',
  'cases',
  'revive',
  'sent-myself',
  'paste',
  'not-rejection',
  // A follow-up's page and its actions; bound to the case and the round (core/case followUpKey).
  'follow-up',
  'follow-up-send',
  'follow-up-snooze',
  'follow-up-stop',
  'follow-up-again',
  // The cases page's switch for all follow-ups.
  'follow-ups-switch',
  'export',
  'delete',
  'delete-all',
] as const;
export type TokenAction = (typeof TOKEN_ACTIONS)[number];

export interface TokenClaims {
  caseId: string;
  action: TokenAction;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' }
  | { ok: false; reason: 'expired'; claims: TokenClaims };

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function mac(key: Uint8Array, caseId: string, action: string, expiresAt: number): Buffer {
  return createHmac('sha256', key).update(`${caseId}\n${action}\n${expiresAt}`).digest();
}

export function signToken(key: Uint8Array, claims: TokenClaims): string {
  const { caseId, action, expiresAt } = claims;
  return [b64url(caseId), action, expiresAt.toString(36), b64url(mac(key, caseId, action, expiresAt))].join('.');
}

export function verifyToken(key: Uint8Array, token: string, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [idPart, action, expPart, sigPart] = parts as [string, string, string, string];
  if (!(TOKEN_ACTIONS as readonly string[]).includes(action) || !/^[0-9a-z]{1,12}$/.test(expPart)) {
    return { ok: false, reason: 'malformed' };
  }
  const caseId = Buffer.from(idPart, 'base64url').toString('utf8');
  const expiresAt = parseInt(expPart, 36);
  // Reject non-canonical encodings so that each claim set has exactly one valid token.
  if (b64url(caseId) !== idPart || expiresAt.toString(36) !== expPart) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(sigPart, 'base64url');
  const expected = mac(key, caseId, action, expiresAt);
  if (b64url(given) !== sigPart || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const claims: TokenClaims = { caseId, action: action as TokenAction, expiresAt };
  if (expiresAt <= nowSeconds) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

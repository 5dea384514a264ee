// Links the owner follows. One route, /t/<token>: the token says which case and what for.
import { followUpKey } from '../case/index.ts';
import { letterDigest, replyAddress, replyRef } from '../reply-address/index.ts';
import { signToken, type TokenAction } from './token.ts';

export interface LinkSigner {
  key: Uint8Array;
  baseUrl: string;
  ttlSeconds: number;
  nowSeconds: () => number;
}

/** The case id that cases-list tokens are bound to: they name no single case. */
export const ALL_CASES = '*';

function tokenFor(signer: LinkSigner, caseId: string, action: TokenAction, expiresAt?: number): string {
  return signToken(signer.key, { caseId, action, expiresAt: expiresAt ?? signer.nowSeconds() + signer.ttlSeconds });
}

export function linkFor(signer: LinkSigner, caseId: string, action: TokenAction, expiresAt?: number): string {
  return `${signer.baseUrl}t/${tokenFor(signer, caseId, action, expiresAt)}`;
}

export function makeLinks(signer: LinkSigner, inboundAddress: string) {
  return {
    review: (caseId: string) => linkFor(signer, caseId, 'review'),
    followUp: (caseId: string, round: number) => linkFor(signer, followUpKey(caseId, round), 'follow-up'),
    draftAnyway: (caseId: string) => linkFor(signer, caseId, 'draft'),
    cases: () => linkFor(signer, ALL_CASES, 'cases'),
    replyRef: (caseId: string) => replyRef(signer.key, caseId),
    replyAddress: (caseId: string, letter?: { to: string | null; subject: string; body: string }) =>
      replyAddress(inboundAddress, replyRef(signer.key, caseId), letter ? letterDigest(letter) : undefined),
  };
}

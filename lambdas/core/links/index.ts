// Signed links into the review site: one route, /t/<token>, whose token says which case, what
// for and until when.
export { ALL_CASES, type LinkSigner, linkFor, makeLinks } from './links.ts';
export { type TokenAction, type TokenClaims, signToken, verifyToken } from './token.ts';

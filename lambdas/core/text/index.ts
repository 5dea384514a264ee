// Plain text as the reader sees it: normalised (quotes, dashes, spaces), quoted for the owner,
// and searched without per-call regex clones.
export { anyOf } from './any-of.ts';
export { countChar, eachMatch } from './each-match.ts';
export { normalizeText, quote } from './normalize.ts';

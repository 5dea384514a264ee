// A subject without the Fwd:/Re: prefixes clients add. Apart from core/forward, whose reader of
// forwards builds ~350 patterns as it loads: a function that only drafts letters (the review
// site, replies, expiry) needs the subject without needing the reader.
export { bareSubject, stripForwardPrefix } from './prefixes.ts';

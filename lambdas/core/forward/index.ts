// Forwarded mail: the recruiter's original recovered from the owner's forward (inline, attached
// or auto-forwarded), and subjects without their Fwd:/Re: prefixes.
export { readForward } from './fast-reader.ts';
export { asksRecordOnly, bareSubject, stripForwardPrefix, unwrapForward } from './unwrap.ts';

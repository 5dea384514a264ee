// Forwarded mail: the recruiter's original recovered from the owner's forward (inline, attached
// or auto-forwarded). Subjects without their Fwd:/Re: prefixes are core/subject's.
export { readForward } from './fast-reader.ts';
export { unwrapForward } from './unwrap.ts';

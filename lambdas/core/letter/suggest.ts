// Whether a thank-you is worth suggesting. Most rejections are form mail: sent automatically after
// the application alone, from a team or no-reply address, offering nothing but "apply again" — a
// letter there reaches nobody who wrote. Those are recorded and the owner is told why, with a way
// to write one anyway. A person who wrote, an interview, a test, or an offer made to this
// candidate gets a draft.
import type { Extraction } from '../extract/index.ts';

/** Offers any form letter makes: they alone are no reason to write back. */
const FORM_OFFERS = new Set(['apply-again', 'talent-pool']);

/** Why no letter is suggested, in words for the owner; null when a draft is worth making. */
export function noLetterReason(x: Extraction): string | null {
  if (x.contactName) return null;
  if (x.stage === 'interview' || x.stage === 'test') return null;
  if ((x.offers ?? []).some((o) => !FORM_OFFERS.has(o.kind))) return null;
  const sender = x.noReplySender ? 'from a team or no-reply address, signed by no one' : 'signed by no one';
  const when = x.stage === 'application' ? 'after the application alone' : 'with no interview or test mentioned';
  return `an automatic rejection ${when}, ${sender}: a thank-you would reach nobody who wrote to you`;
}

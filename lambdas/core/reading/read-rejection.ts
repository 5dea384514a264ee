// Reading one email, the same way wherever it is read — the inbound handler, the CLI, the
// evaluation and the benchmark: the recruiter's original recovered from the forward, judged, and
// mined for who and what it is about.
import { type Classification, classify } from '../classify/index.ts';
import { type Extraction, extract } from '../extract/index.ts';
import { unwrapForward } from '../forward/index.ts';
import type { OriginalMail, ParsedMail } from '../mail/index.ts';

export interface Reading {
  original: OriginalMail;
  classification: Classification;
  extraction: Extraction;
  /** The owner's note asks for the email to be recorded only, with no letter (forward/unwrap.ts). */
  recordOnly: boolean;
}

/**
 * `ownAddresses`: the owner's and onward's own addresses. They are never the person to thank: a
 * forward onward could not unwrap reads as mail from the owner, and its letter would otherwise go
 * back to them.
 */
export function readRejection(mail: ParsedMail, ownAddresses: readonly string[]): Reading {
  const { original, recordOnly } = unwrapForward(mail);
  const extraction = withoutAddresses(extract(original), ownAddresses);
  return { original, classification: afterStage(classify(original), extraction), extraction, recordOnly };
}

const STAGE_WORDS = { interview: 'an interview', test: 'a test or assessment', application: 'the application alone' };

/**
 * A rejection named for what came before it — after an interview, a test, or the application
 * alone — when the email says so: the letter and the owner's notes speak of what happened.
 */
function afterStage(c: Classification, x: Extraction): Classification {
  if (c.verdict !== 'rejection' || c.kind !== 'rejection' || !x.stage) return c;
  return {
    ...c,
    kind: `rejection-after-${x.stage}`,
    reasons: [...c.reasons, `came after ${STAGE_WORDS[x.stage]}, as the email says`],
  };
}

function withoutAddresses(x: Extraction, addresses: readonly string[]): Extraction {
  const own = new Set(addresses.map((a) => a.toLowerCase()));
  const candidates = x.candidates.filter((c) => !c.address || !own.has(c.address.toLowerCase()));
  return x.contactEmail && own.has(x.contactEmail.toLowerCase())
    ? { ...x, contactName: null, contactEmail: null, candidates }
    : { ...x, candidates };
}

// The owner's verdict on an email of a template they have judged before: it stands over the
// reader's, with the owner's words as its reason.
import { dayOf, type TemplateLabel, verdictWords } from '../case/index.ts';
import type { Classification } from '../classify/index.ts';

/** The reason a verdict came from the owner: "you said an email like this is not a rejection on 03 Dec 2026". */
function ownerReason(said: TemplateLabel): string {
  return `you said an email like this is ${verdictWords(said.label)} on ${dayOf(said.at)}`;
}

/** The reader's classification under the owner's verdict; what the reader alone saw stays among the reasons. */
export function withOwnerVerdict(reader: Classification, said: TemplateLabel): Classification {
  const agrees = reader.verdict === said.label;
  const alone = `onward alone would have read it as ${verdictWords(reader.verdict)}${reader.reasons[0] ? `: ${reader.reasons[0]}` : ''}`;
  return {
    verdict: said.label,
    confidence: 1,
    // The reader's finer kind only where it read the same verdict: it shapes the letter.
    kind: agrees ? reader.kind : 'owner-label',
    reasons: [ownerReason(said), ...(agrees ? reader.reasons : [alone])],
  };
}

// SES receipt rule sets, in SES's v1 query API: which set is active, and deactivating it. Only one
// set can be active per account and region, and SetActiveReceiptRuleSet without a name
// deactivates whichever one is — so callers ask first.
import { callQuery, xmlText, type AwsHttp } from './aws-http.ts';

const VERSION = '2010-12-01';

/** The name of the active receipt rule set, or null when none is active. */
export async function activeRuleSetName(ses: AwsHttp): Promise<string | null> {
  const xml = await callQuery(ses, VERSION, 'DescribeActiveReceiptRuleSet');
  // The answer lists the set's rules too, each with a <Name>: read the set's own, in <Metadata>.
  const metadata = /<Metadata>([\s\S]*?)<\/Metadata>/.exec(xml)?.[1];
  return metadata ? xmlText(metadata, 'Name') : null;
}

/** Deactivates the active rule set, whichever it is: SES receives nothing for this account and region after. */
export async function deactivateActiveRuleSet(ses: AwsHttp): Promise<void> {
  await callQuery(ses, VERSION, 'SetActiveReceiptRuleSet');
}

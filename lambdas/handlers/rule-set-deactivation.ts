// Custom resource of `-c activateRuleSet=true`, answering CloudFormation itself: when the stack
// is deleted, it deactivates onward's receipt rule set — only if that set is the active one. SES's
// SetActiveReceiptRuleSet without a name deactivates whichever set is active, so deactivating
// blindly would stop receiving for another application's set. When the resource goes but the
// stack stays (the flag was removed), the set stays active: the owner now activates by hand.
import { awsHttp, type AwsHttp } from '../adapters/aws-http.ts';
import { describeStack } from '../adapters/cloudformation.ts';
import { activeRuleSetName, deactivateActiveRuleSet } from '../adapters/ses-receiving.ts';

export interface RuleSetEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceProperties: { RuleSetName?: string };
}

export type RuleSetOutcome = 'nothing-on-create' | 'stack-stays' | 'deactivated' | 'another-set-active' | 'none-active';

export interface RuleSetDeps {
  ses: AwsHttp;
  cloudformation: AwsHttp;
}

export async function onRuleSetEvent(event: RuleSetEvent, deps: RuleSetDeps): Promise<RuleSetOutcome> {
  if (event.RequestType !== 'Delete') return 'nothing-on-create';
  const ours = event.ResourceProperties.RuleSetName;
  if (!ours) throw new Error('RuleSetName is missing');
  // Deleted during an update (the flag removed): the stack and its rule set stay. Deleted with the
  // stack, or in the rollback of a first deploy that failed, the rule set goes too — and SES
  // refuses to delete an active set, which would fail the deletion or the rollback.
  const { status } = await describeStack(deps.cloudformation, event.StackId);
  if (status !== 'DELETE_IN_PROGRESS' && status !== 'ROLLBACK_IN_PROGRESS') return 'stack-stays';
  const active = await activeRuleSetName(deps.ses);
  if (active === null) return 'none-active';
  if (active !== ours) return 'another-set-active';
  await deactivateActiveRuleSet(deps.ses);
  return 'deactivated';
}

/** The answer CloudFormation waits for, PUT to the pre-signed URL in the event. */
async function respond(event: RuleSetEvent, status: 'SUCCESS' | 'FAILED', reason: string): Promise<void> {
  const body = JSON.stringify({
    Status: status,
    Reason: reason,
    PhysicalResourceId:
      event.PhysicalResourceId ?? `${event.ResourceProperties.RuleSetName ?? 'rule-set'}-deactivation`,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  // The URL is signed for an empty content type.
  const answer = await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
  if (!answer.ok) throw new Error(`CloudFormation did not take the answer (HTTP ${answer.status})`);
}

export async function handler(event: RuleSetEvent): Promise<void> {
  const deps = { ses: awsHttp('ses', process.env), cloudformation: awsHttp('cloudformation', process.env) };
  try {
    const outcome = await onRuleSetEvent(event, deps);
    console.log(JSON.stringify({ level: 'info', event: 'rule-set.delete', request: event.RequestType, outcome }));
    await respond(event, 'SUCCESS', outcome);
  } catch (error) {
    const code = error instanceof Error ? error.name : 'Unknown';
    console.error(JSON.stringify({ level: 'error', event: 'rule-set.failed', error: code }));
    await respond(event, 'FAILED', `Deactivating the receipt rule set failed: ${code}. See the function's log.`);
  }
}

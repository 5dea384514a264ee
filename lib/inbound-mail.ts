// Inbound mail: SES receives for the whole inbound domain, stores each message raw under the
// inbound prefix, then invokes the inbound function, which records the case and drafts.
import { ArnFormat, Aws, CfnOutput, Duration, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import { inboundPrefix, repliesFunction } from '../lambdas/settings/settings.ts';
import type { OnwardConfig } from './config.ts';
import { OnwardFunction, deploymentLimits } from './onward-function.ts';
import { activateRuleSet } from './rule-set-activation.ts';
import type { Sending } from './sending.ts';
import type { Storage } from './storage.ts';

/** Where SES's S3 action writes each message, `<prefix><messageId>`, and the handlers read it. */
const INBOUND_PREFIX = inboundPrefix.default;

/**
 * The inbound function's name, fixed by the stack's: the review site hands it pasted rejections
 * and so must name it, while it names the review site (links in its mail), and a reference each
 * way is a cycle CloudFormation refuses. Stack names are at most 40 characters.
 */
export function inboundFunctionName(stack: Stack): string {
  return `${stack.stackName}-inbound`;
}

/** Its ARN, for the one grant that lets the review site invoke it. */
export function inboundFunctionArn(stack: Stack): string {
  return stack.formatArn({
    service: 'lambda',
    resource: 'function',
    resourceName: inboundFunctionName(stack),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

export class InboundMail {
  readonly fn: OnwardFunction;
  /** The owner's replies to onward's emails, handed on by the inbound function, are acted on here. */
  readonly replies: OnwardFunction;

  constructor(
    stack: Stack,
    config: OnwardConfig,
    deps: { storage: Storage; sending: Sending; environment: Record<string, string> },
  ) {
    const { storage, sending } = deps;
    const { rawMail } = storage;
    const names = { ruleSet: config.ruleSetName ?? `${stack.stackName}-rules`, rule: `${stack.stackName}-inbound` };

    // Its own function so that the inbound bundle carries no reply handling (docs/DESIGN.md §8).
    // Invoked only by the inbound function, after its sender checks, with the message's id.
    this.replies = new OnwardFunction(stack, 'Replies', {
      description: 'onward: the owner’s replies to draft emails and notes — send, revise, discard, …',
      timeout: Duration.seconds(60),
      memorySize: 512,
      ...deploymentLimits(config, 2),
      environment: deps.environment,
      async: { onFailure: storage.failedEvents, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    })
      .allowReadingRawMail(
        rawMail,
        INBOUND_PREFIX,
        'A reply is read again from its raw message, named by its SES message id',
      )
      .allowCases(storage.cases.tableArn, storage.casesIndexArn, ['GetItem', 'PutItem', 'UpdateItem', 'Query'])
      .allowSendingAs(config.senderAddress, sending.resources)
      .allowReadingSecret(storage.signingSecret);

    this.fn = new OnwardFunction(stack, 'Inbound', {
      description:
        'onward: SES Lambda action, and pastes the review site hands on — verify, parse, classify, record, draft',
      functionName: inboundFunctionName(stack),
      timeout: Duration.seconds(60),
      memorySize: 512,
      ...deploymentLimits(config, 100),
      environment: { ...deps.environment, [repliesFunction.env]: this.replies.fn.functionName },
      async: { onFailure: storage.failedEvents, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    })
      .allowReadingRawMail(
        rawMail,
        INBOUND_PREFIX,
        'SES names each stored message by its message id, unknown in advance',
      )
      .allowInvoking(this.replies.fn.functionArn)
      // Query: a reply to a draft email is matched to its case through the cases index.
      .allowCases(storage.cases.tableArn, storage.casesIndexArn, ['GetItem', 'PutItem', 'UpdateItem', 'Query'])
      .allowSendingAs(config.senderAddress, sending.resources)
      .allowReadingSecret(storage.signingSecret);

    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${names.ruleSet}:receipt-rule/${names.rule}`,
    });
    // SES may write raw mail only under the prefix, and only for this account's receipt rule (the
    // CDK S3 action checks the account alone). Both must exist before the rule: SES test-writes.
    rawMail.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesReceiptRuleToStoreMail',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [rawMail.arnForObjects(`${INBOUND_PREFIX}*`)],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': ruleArn } },
      }),
    );
    const sesInvoke = new lambda.CfnPermission(stack, 'AllowSesToInvokeInbound', {
      action: 'lambda:InvokeFunction',
      functionName: this.fn.fn.functionArn,
      principal: 'ses.amazonaws.com',
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: ruleArn,
    });

    const ruleSet = config.ruleSetName
      ? ses.ReceiptRuleSet.fromReceiptRuleSetName(stack, 'ExistingRuleSet', config.ruleSetName)
      : new ses.ReceiptRuleSet(stack, 'RuleSet', { receiptRuleSetName: names.ruleSet });
    const rule = new ses.ReceiptRule(stack, 'InboundRule', {
      ruleSet,
      receiptRuleName: names.rule,
      // The whole inbound domain, not the address: a recipient condition naming an address
      // matches that address exactly, while onward also receives <local>+<tag>@<domain> (the
      // signed reply-approval addresses). A domain condition covers every local part at that
      // domain (not its subdomains), so give onward a domain of its own; the inbound function
      // still accepts only allow-listed senders.
      recipients: [config.inboundDomain],
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      enabled: true,
      actions: [
        { bind: () => ({ s3Action: { bucketName: rawMail.bucketName, objectKeyPrefix: INBOUND_PREFIX } }) },
        { bind: () => ({ lambdaAction: { functionArn: this.fn.fn.functionArn, invocationType: 'Event' } }) },
      ],
    });
    rule.node.addDependency(rawMail.policy!, sesInvoke);

    if (config.activateRuleSet) {
      activateRuleSet(stack, { ruleSetName: names.ruleSet, rule, logRetentionDays: config.logRetentionDays });
    } else if (!config.ruleSetName) {
      new CfnOutput(stack, 'ActivateRuleSetCommand', {
        description: 'Run once after the first deploy: SES receives mail only through the active rule set.',
        value: `aws ses set-active-receipt-rule-set --rule-set-name ${names.ruleSet} --region ${stack.region}`,
      });
    }

    new CfnOutput(stack, 'InboundAddress', {
      value: config.inboundAddress,
      description: 'Forward rejection emails here.',
    });
    new CfnOutput(stack, 'MxRecord', {
      value: `10 inbound-smtp.${stack.region}.amazonaws.com`,
      description: `The MX record value for ${config.inboundDomain}.`,
    });
    new CfnOutput(stack, 'ReceiptRuleSetName', {
      value: names.ruleSet,
      description: 'The SES receipt rule set holding the onward rule.',
    });
  }
}

// The review site: one function behind a Function URL serves the review page, Send, the cases
// page and the other links in onward's mail.
import { CfnOutput, Duration, type Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { inboundFunction, inboundPrefix } from '../lambdas/settings/settings.ts';
import { inboundFunctionArn, inboundFunctionName } from './inbound-mail.ts';
import type { OnwardConfig } from './config.ts';
import { OnwardFunction, deploymentLimits } from './onward-function.ts';
import type { Sending } from './sending.ts';
import type { Storage } from './storage.ts';

/** Where SES's S3 action stores each message, `<prefix><messageId>`: a deleted case's raw mail. */
const RAW_MAIL_PREFIX = inboundPrefix.default;
/** A pasted rejection's text, beside SES's mail: `<prefix>paste-<uuid>` (workflow/paste.ts). */
const PASTE_PREFIX = `${RAW_MAIL_PREFIX}paste-`;

export class ReviewSite {
  readonly fn: OnwardFunction;
  /** The site's base URL, which the links in onward's mail point at. */
  readonly url: string;

  constructor(
    stack: Stack,
    config: OnwardConfig,
    deps: { storage: Storage; sending: Sending; environment: Record<string, string> },
  ) {
    const { storage, sending } = deps;
    this.fn = new OnwardFunction(stack, 'Review', {
      description: 'onward: review page and Send (Function URL)',
      timeout: Duration.seconds(15),
      memorySize: 256,
      ...deploymentLimits(config, 100),
      // No review URL here: the function URL's address depends on the function, so the function
      // cannot name it without a CloudFormation cycle; the handler reads it from the request.
      // The inbound function by name (not by reference: see inboundFunctionName).
      environment: { ...deps.environment, [inboundFunction.env]: inboundFunctionName(stack) },
    })
      // PutItem: reviving a draft claims its email (workflow/originals.ts), so it cannot stand beside a newer letter.
      // DeleteItem and the bucket: the owner's "Delete this case" and "Delete everything"; Scan:
      // "Delete everything" finding the owner's template verdicts, which no index lists.
      .allowCases(storage.cases.tableArn, storage.casesIndexArn, [
        'GetItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'Query',
        'Scan',
      ])
      .allowDeletingRawMail(
        storage.rawMail,
        RAW_MAIL_PREFIX,
        'The owner deletes a case with its raw message, named by its SES message id',
      )
      // "Paste a rejection": the text is stored as the paste's raw message, never over SES's
      // mail, and handed to the inbound function, which reads it as a forward.
      .allowStoringRawMail(
        storage.rawMail,
        PASTE_PREFIX,
        'A pasted rejection is stored under a new name per paste (paste-<uuid>), never over mail SES stored',
      )
      .allowInvoking(inboundFunctionArn(stack))
      .allowSendingAs(config.senderAddress, sending.resources)
      .allowReadingSecret(storage.signingSecret);
    // Anyone may load the page; the signed, expiring, single-use token in the link is the
    // authorisation, and GET never changes anything.
    const functionUrl = this.fn.fn.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
    Validations.of(functionUrl).acknowledge({
      id: 'Onward-LambdaFunctionUrlAuth',
      reason:
        'Intended: the review page is opened from the owner’s mail client without AWS credentials. Every request must carry an HMAC-signed, ' +
        'expiring token bound to one case and one action; GET and HEAD never change anything; only a POST from the page acts.',
    });
    this.url = functionUrl.url;

    new CfnOutput(stack, 'ReviewUrl', {
      value: this.url,
      description: 'The review site (links in the draft emails point here).',
    });
  }
}

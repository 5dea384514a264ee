// The review site: one function behind a Function URL serves the review page, Send, the cases
// page and the other links in onward's mail.
import { CfnOutput, Duration, type Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { OnwardConfig } from './config.ts';
import { OnwardFunction, deploymentLimits } from './onward-function.ts';
import type { Sending } from './sending.ts';
import type { Storage } from './storage.ts';

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
      environment: deps.environment,
    })
      // PutItem: reviving a draft claims its email (workflow/originals.ts), so it cannot stand beside a newer letter.
      .allowCases(storage.cases.tableArn, storage.casesIndexArn, ['GetItem', 'PutItem', 'UpdateItem', 'Query'])
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

// How onward's mail leaves, and what comes back: the SES configuration set everything onward
// sends goes through, the SES resources a function may send through, and the bounce and
// complaint events of letters, which a topic hands to the SendFeedback function to mark the case.
import { CfnOutput, Duration, type Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { tableName } from '../lambdas/settings/settings.ts';
import type { OnwardConfig } from './config.ts';
import { OnwardFunction, deploymentLimits } from './onward-function.ts';
import type { Storage } from './storage.ts';

export class Sending {
  readonly configurationSetName: string;
  /**
   * What SES authorises SendRawEmail against: the From identity (the domain, or the address if
   * it is verified on its own) and the configuration set; in the sandbox also the verified
   * recipient, the owner. OnwardFunction.allowSendingAs pins the From to the sender address.
   */
  readonly resources: string[];
  readonly feedback: OnwardFunction;

  constructor(stack: Stack, config: OnwardConfig, storage: Storage) {
    this.configurationSetName = `${stack.stackName}-letters`;
    this.resources = [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: config.senderDomain }),
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: config.senderAddress }),
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: config.ownerEmail }),
      stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSetName }),
    ];

    const deliveryFeedback = new sns.Topic(stack, 'DeliveryFeedback', {
      displayName: 'onward letter bounces and complaints',
      enforceSSL: true,
    });
    const configurationSet = new ses.ConfigurationSet(stack, 'Letters', {
      configurationSetName: this.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // Opportunistic TLS: a thank-you letter must not silently fail on a server without TLS.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.OPTIONAL,
    });
    configurationSet.addEventDestination('ToFeedbackTopic', {
      destination: ses.EventDestination.snsTopic(deliveryFeedback),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.feedback = new OnwardFunction(stack, 'SendFeedback', {
      description: 'onward: SES bounce and complaint events of letters update the case',
      timeout: Duration.seconds(15),
      memorySize: 128,
      ...deploymentLimits(config, 2),
      environment: { [tableName.env]: storage.cases.tableName },
      async: { onFailure: storage.failedEvents, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    }).allowCases(storage.cases.tableArn, storage.casesIndexArn, ['GetItem', 'UpdateItem']);
    deliveryFeedback.addSubscription(new subscriptions.LambdaSubscription(this.feedback.fn));

    new CfnOutput(stack, 'SenderAddress', {
      value: config.senderAddress,
      description: 'The From of everything onward sends (npx onward doctor checks its domain).',
    });
    new CfnOutput(stack, 'ConfigurationSetName', {
      value: this.configurationSetName,
      description: 'SES configuration set of everything onward sends.',
    });
  }
}

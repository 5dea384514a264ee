// Housekeeping, hourly: drafts older than the link lifetime expire, due follow-ups are drafted
// and mailed to the owner, and a letter whose sender died mid-send is parked (a thank-you's
// reported to the owner).
import { Duration, type Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { OnwardConfig } from './config.ts';
import { OnwardFunction, deploymentLimits } from './onward-function.ts';
import type { Sending } from './sending.ts';
import type { Storage } from './storage.ts';

export class Housekeeping {
  readonly fn: OnwardFunction;

  constructor(
    stack: Stack,
    config: OnwardConfig,
    deps: { storage: Storage; sending: Sending; environment: Record<string, string> },
  ) {
    const { storage, sending } = deps;
    this.fn = new OnwardFunction(stack, 'ExpireDrafts', {
      description: 'onward: hourly — expire old drafts, draft due follow-ups, park letters whose sender died mid-send',
      timeout: Duration.seconds(60),
      memorySize: 256,
      ...deploymentLimits(config, 1),
      environment: deps.environment,
      async: { onFailure: storage.failedEvents, retryAttempts: 1, maxEventAge: Duration.hours(1) },
    })
      // GetItem: a conditional write whose first answer was lost is read back to tell it from a
      // real conflict (adapters/dynamo-cases.ts); test/infra/grants.test.ts derives the list.
      .allowCases(storage.cases.tableArn, storage.casesIndexArn, ['GetItem', 'Query', 'UpdateItem'])
      // A letter parked as SEND_UNKNOWN is reported to the owner by mail.
      .allowSendingAs(config.senderAddress, sending.resources)
      .allowReadingSecret(storage.signingSecret);
    new events.Rule(stack, 'ExpireDraftsHourly', {
      description: 'onward: expire drafts past the link lifetime, draft due follow-ups',
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(this.fn.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
  }
}

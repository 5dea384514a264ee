// Alarms, mailed to the owner: an event waiting in the dead-letter queue, a function that
// failed, and an SES bounce or complaint rate at which SES starts to review the account.
import { ArnFormat, Aws, CfnOutput, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { OnwardFunction } from './onward-function.ts';

export class Alarms {
  constructor(stack: Stack, props: { ownerEmail: string; failedEvents: sqs.IQueue; functions: OnwardFunction[] }) {
    const topic = new sns.Topic(stack, 'Alarms', { displayName: 'onward alarms', enforceSSL: true });
    // enforceSSL gives the topic a resource policy, which replaces SNS's default one: without this
    // statement the policy holds only the TLS deny, and no alarm could ever publish.
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisAccountsAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    topic.addSubscription(new subscriptions.EmailSubscription(props.ownerEmail));
    const notify = new SnsAction(topic);
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number) =>
      new cloudwatch.Alarm(stack, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(notify);

    alarm(
      'FailedEventsAlarm',
      'onward: an event failed every attempt and waits in the dead-letter queue',
      props.failedEvents.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      1,
    );
    for (const f of props.functions) {
      const id = f.node.id;
      alarm(
        `${id}ErrorsAlarm`,
        `onward: the ${id} function failed`,
        f.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        1,
      );
    }
    // SES reviews an account at a 5% bounce rate and 0.1% complaint rate (and may pause it at 10% / 0.5%).
    const sesMetric = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm('BounceRateAlarm', 'onward: the SES bounce rate reached 5%', sesMetric('Reputation.BounceRate'), 0.05);
    alarm(
      'ComplaintRateAlarm',
      'onward: the SES complaint rate reached 0.1%',
      sesMetric('Reputation.ComplaintRate'),
      0.001,
    );

    new CfnOutput(stack, 'AlarmTopicArn', {
      value: topic.topicArn,
      description: 'Alarms; confirm the subscription email SNS sent to the owner.',
    });
  }
}

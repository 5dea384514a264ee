// onward on AWS: SES receives the forwarded rejection (S3 action, then Lambda action), the inbound
// function records and drafts, the review function (Function URL) sends on approval, an hourly
// schedule expires old drafts, and SES bounce/complaint events of letters come back to the case.
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { CASES_INDEX } from '../lambdas/adapters/dynamo-cases.ts';
import { inboundPrefix, reviewUrl as reviewUrlSetting, tableName } from '../lambdas/settings/settings.ts';
import type { OnwardConfig } from './config.ts';
import { handlerEnvironment } from './handler-environment.ts';
import { OnwardFunction } from './onward-function.ts';

/** Where SES's S3 action writes each message: `<prefix><messageId>`, where the handlers read it. */
const INBOUND_PREFIX = inboundPrefix.default;
/** The TTL attribute (epoch seconds) the app sets on ignored cases. */
const TTL_ATTRIBUTE = 'expiresAt';

export interface OnwardStackProps extends StackProps {
  readonly config: OnwardConfig;
}

export class OnwardStack extends Stack {
  constructor(scope: Construct, id: string, props: OnwardStackProps) {
    super(scope, id, props);
    const config = props.config;
    const names = {
      ruleSet: config.ruleSetName ?? `${id}-rules`,
      rule: `${id}-inbound`,
      configurationSet: `${id}-letters`,
    };

    // ---- Storage -------------------------------------------------------------------------------
    const rawMail = new s3.Bucket(this, 'RawMail', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        {
          id: 'expire-raw-mail',
          expiration: Duration.days(config.rawMailDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Kept on stack deletion (CloudFormation cannot delete a bucket with objects in it); the
      // lifecycle rule keeps expiring mail in it. The guide says how to empty and delete it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(rawMail).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only SES writes here (bucket policy bound to this account and receipt rule) and only the inbound function reads; ' +
        'server access logs would need a second bucket holding the same senders and keys for a single-owner mailbox. Enable CloudTrail S3 data events if an audit trail is required.',
    });

    const cases = new dynamodb.Table(this, 'Cases', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // The owner's history of cases survives `cdk destroy`.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    cases.addGlobalSecondaryIndex({
      indexName: CASES_INDEX.name,
      partitionKey: { name: CASES_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: CASES_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    const casesIndexArn = `${cases.tableArn}/index/${CASES_INDEX.name}`;

    const signingSecret = new secretsmanager.Secret(this, 'SigningKey', {
      description: 'onward: HMAC key that signs approval links (SecretString)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The HMAC key signs approval links that live for linkTtlDays; automatic rotation would silently invalidate every outstanding link. ' +
        'Rotate by hand when needed (the guide gives the command); functions read it once per cold start.',
    });

    // Events that failed every attempt (inbound mail, feedback, expiry): kept 14 days for a redrive.
    const failedEvents = new sqs.Queue(this, 'FailedEvents', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failedEvents).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination (dead-letter queue) of the asynchronously invoked functions; nothing consumes it automatically.',
    });

    // ---- Notifications -------------------------------------------------------------------------
    const alarms = new sns.Topic(this, 'Alarms', { displayName: 'onward alarms', enforceSSL: true });
    alarms.addSubscription(new subscriptions.EmailSubscription(config.ownerEmail));
    const deliveryFeedback = new sns.Topic(this, 'DeliveryFeedback', {
      displayName: 'onward letter bounces and complaints',
      enforceSSL: true,
    });

    const configurationSet = new ses.ConfigurationSet(this, 'Letters', {
      configurationSetName: names.configurationSet,
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

    // ---- Functions -----------------------------------------------------------------------------
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const cap = (n: number) =>
      config.reservedConcurrency === 'none' ? undefined : Math.min(n, config.reservedConcurrency);
    const appEnvironment = handlerEnvironment(config, {
      tableName: cases.tableName,
      bucketName: rawMail.bucketName,
      signingSecretArn: signingSecret.secretArn,
      configurationSet: names.configurationSet,
    });
    // SES authorises SendRawEmail against the From identity (the domain, or the address if it is
    // verified on its own) and the configuration set; in the sandbox also against the verified
    // recipient, the owner. The condition pins the From to the sender address in every case.
    const sendResources = [
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.senderDomain }),
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.senderAddress }),
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.ownerEmail }),
      this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: names.configurationSet }),
    ];

    const review = new OnwardFunction(this, 'Review', {
      entry: 'on-approval-request.ts',
      description: 'onward: review page and Send (Function URL)',
      timeout: Duration.seconds(15),
      memorySize: 256,
      logRetention,
      reservedConcurrency: cap(100),
      // ONWARD_REVIEW_URL is not set here: the function URL's address depends on the function, so
      // the function cannot name it without a CloudFormation cycle (see the report / app change).
      environment: appEnvironment,
    })
      // PutItem: reviving a draft claims its email (workflow/originals.ts), so it cannot stand beside a newer letter.
      .allowCases(cases.tableArn, casesIndexArn, ['GetItem', 'PutItem', 'UpdateItem', 'Query'])
      .allowSendingAs(config.senderAddress, sendResources)
      .allowReadingSecret(signingSecret);
    // Anyone may load the page; the signed, expiring, single-use token in the link is the
    // authorisation, and GET never changes anything.
    const reviewUrl = review.fn.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
    Validations.of(reviewUrl).acknowledge({
      id: 'Onward-LambdaFunctionUrlAuth',
      reason:
        'Intended: the review page is opened from the owner’s mail client without AWS credentials. Every request must carry an HMAC-signed, ' +
        'expiring token bound to one case and one action; GET and HEAD never change anything; only a POST from the page acts.',
    });

    const inbound = new OnwardFunction(this, 'Inbound', {
      entry: 'on-mail-received.ts',
      description: 'onward: SES Lambda action — verify, parse, classify, record, draft',
      timeout: Duration.seconds(60),
      memorySize: 512,
      logRetention,
      reservedConcurrency: cap(100),
      environment: { ...appEnvironment, [reviewUrlSetting.env]: reviewUrl.url },
      async: { onFailure: failedEvents, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    })
      .allowReadingRawMail(rawMail, INBOUND_PREFIX)
      // Query: a reply to a draft email is matched to its case through the cases index.
      .allowCases(cases.tableArn, casesIndexArn, ['GetItem', 'PutItem', 'UpdateItem', 'Query'])
      .allowSendingAs(config.senderAddress, sendResources)
      .allowReadingSecret(signingSecret);
    Validations.of(inbound.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(rawMail.node.defaultChild as s3.CfnBucket)}.Arn>/${INBOUND_PREFIX}*]`,
      reason:
        'SES names each stored message by its message id, unknown in advance; the grant is s3:GetObject under the inbound prefix only.',
    });

    const expire = new OnwardFunction(this, 'ExpireDrafts', {
      entry: 'expire-drafts.ts',
      description: 'onward: hourly — expire old drafts, park letters whose sender died mid-send',
      timeout: Duration.seconds(60),
      memorySize: 256,
      logRetention,
      reservedConcurrency: cap(1),
      environment: { ...appEnvironment, [reviewUrlSetting.env]: reviewUrl.url },
      async: { onFailure: failedEvents, retryAttempts: 1, maxEventAge: Duration.hours(1) },
    })
      .allowCases(cases.tableArn, casesIndexArn, ['Query', 'UpdateItem'])
      // A letter parked as SEND_UNKNOWN is reported to the owner by mail.
      .allowSendingAs(config.senderAddress, sendResources)
      .allowReadingSecret(signingSecret);
    new events.Rule(this, 'ExpireDraftsHourly', {
      description: 'onward: expire drafts past the link lifetime',
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(expire.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });

    const feedback = new OnwardFunction(this, 'SendFeedback', {
      entry: 'on-send-feedback.ts',
      description: 'onward: SES bounce and complaint events of letters update the case',
      timeout: Duration.seconds(15),
      memorySize: 128,
      logRetention,
      reservedConcurrency: cap(2),
      environment: { [tableName.env]: cases.tableName },
      async: { onFailure: failedEvents, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    }).allowCases(cases.tableArn, casesIndexArn, ['GetItem', 'UpdateItem']);
    deliveryFeedback.addSubscription(new subscriptions.LambdaSubscription(feedback.fn));

    // ---- SES receiving -------------------------------------------------------------------------
    const ruleArn = this.formatArn({
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
    const sesInvoke = new lambda.CfnPermission(this, 'AllowSesToInvokeInbound', {
      action: 'lambda:InvokeFunction',
      functionName: inbound.fn.functionArn,
      principal: 'ses.amazonaws.com',
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: ruleArn,
    });

    const ruleSet = config.ruleSetName
      ? ses.ReceiptRuleSet.fromReceiptRuleSetName(this, 'ExistingRuleSet', config.ruleSetName)
      : new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: names.ruleSet });
    const rule = new ses.ReceiptRule(this, 'InboundRule', {
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
        { bind: () => ({ lambdaAction: { functionArn: inbound.fn.functionArn, invocationType: 'Event' } }) },
      ],
    });
    rule.node.addDependency(rawMail.policy!, sesInvoke);

    if (config.activateRuleSet) {
      // One rule set can be active per account and region, and CloudFormation cannot activate
      // one: this custom resource calls SetActiveReceiptRuleSet, and on delete deactivates.
      const activatorLogs = new logs.LogGroup(this, 'ActivateRuleSetLogs', {
        retention: logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const activatorRole = new iam.Role(this, 'ActivateRuleSetRole', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      });
      activatorRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [activatorLogs.logGroupArn],
        }),
      );
      const activation = new cr.AwsCustomResource(this, 'ActivateRuleSet', {
        onCreate: {
          service: 'SES',
          action: 'setActiveReceiptRuleSet',
          parameters: { RuleSetName: names.ruleSet },
          physicalResourceId: cr.PhysicalResourceId.of(names.ruleSet),
        },
        onUpdate: {
          service: 'SES',
          action: 'setActiveReceiptRuleSet',
          parameters: { RuleSetName: names.ruleSet },
          physicalResourceId: cr.PhysicalResourceId.of(names.ruleSet),
        },
        onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
        // ses:SetActiveReceiptRuleSet has no resource-level permissions: '*' is the narrowest form.
        policy: cr.AwsCustomResourcePolicy.fromStatements([
          new iam.PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
        ]),
        role: activatorRole,
        logGroup: activatorLogs,
        memorySize: 256,
        timeout: Duration.minutes(2),
        installLatestAwsSdk: false,
      });
      activation.node.addDependency(rule);
      Validations.of(activation).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ses:SetActiveReceiptRuleSet supports no resource-level permissions (Service Authorization Reference); the role allows only that action and its own log group.',
      });
      // The provider function CDK shares between AwsCustomResources in a stack (fixed id).
      const provider = this.node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
      if (!provider) throw new Error('AwsCustomResource provider function not found: update the acknowledgement below');
      Validations.of(provider).acknowledge({
        id: 'Onward-LambdaConcurrency',
        reason:
          'Runs only when CloudFormation creates, updates or deletes the activation (one invocation per deploy); a reservation would take concurrency from the account for nothing.',
      });
    } else if (!config.ruleSetName) {
      new CfnOutput(this, 'ActivateRuleSetCommand', {
        description: 'Run once after the first deploy: SES receives mail only through the active rule set.',
        value: `aws ses set-active-receipt-rule-set --rule-set-name ${names.ruleSet} --region ${this.region}`,
      });
    }

    // ---- Alarms → the owner's email ------------------------------------------------------------
    const notify = new SnsAction(alarms);
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number) =>
      new cloudwatch.Alarm(this, id, {
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
      failedEvents.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      1,
    );
    for (const [id, f] of [
      ['Inbound', inbound],
      ['Review', review],
      ['ExpireDrafts', expire],
      ['SendFeedback', feedback],
    ] as const) {
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

    // ---- Outputs -------------------------------------------------------------------------------
    const out = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    out('InboundAddress', config.inboundAddress, 'Forward rejection emails here.');
    out('MxRecord', `10 inbound-smtp.${this.region}.amazonaws.com`, `The MX record value for ${config.inboundDomain}.`);
    out('ReviewUrl', reviewUrl.url, 'The review site (links in the draft emails point here).');
    out('ReceiptRuleSetName', names.ruleSet, 'The SES receipt rule set holding the onward rule.');
    out(
      'RawMailBucketName',
      rawMail.bucketName,
      `Raw messages, deleted after ${config.rawMailDays} days. Retained on stack deletion.`,
    );
    out('CasesTableName', cases.tableName, 'Cases. Retained on stack deletion.');
    out('ConfigurationSetName', names.configurationSet, 'SES configuration set of everything onward sends.');
    out('FailedEventsQueueUrl', failedEvents.queueUrl, 'Events that failed every attempt (14 days).');
    out('AlarmTopicArn', alarms.topicArn, 'Alarms; confirm the subscription email SNS sent to the owner.');
  }
}

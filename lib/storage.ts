// Everything onward keeps: each forwarded message raw, the cases, the key that signs every link,
// and the events that failed every attempt. The table and the bucket outlive the stack; their
// logical ids, and the secret's, are pinned by test/infra/logical-ids.test.ts: a new id would
// orphan the owner's data, or void every link that is out there.
import { CfnOutput, Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CASES_INDEX } from '../lambdas/adapters/dynamo-cases.ts';
import type { OnwardConfig } from './config.ts';

/** The TTL attribute (epoch seconds) the app sets on ignored cases. */
const TTL_ATTRIBUTE = 'expiresAt';

export class Storage {
  readonly rawMail: s3.Bucket;
  readonly cases: dynamodb.Table;
  /** The one index of the cases table: the cases page lists by it, replies find their case by it. */
  readonly casesIndexArn: string;
  readonly signingSecret: secretsmanager.Secret;
  /** The on-failure destination of every asynchronously invoked function, kept 14 days for a redrive. */
  readonly failedEvents: sqs.Queue;

  constructor(stack: Stack, config: OnwardConfig) {
    this.rawMail = new s3.Bucket(stack, 'RawMail', {
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
    Validations.of(this.rawMail).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only SES writes here (bucket policy bound to this account and receipt rule) and only the inbound function reads; ' +
        'server access logs would need a second bucket holding the same senders and keys for a single-owner mailbox. Enable CloudTrail S3 data events if an audit trail is required.',
    });

    this.cases = new dynamodb.Table(stack, 'Cases', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // The owner's history of cases survives `cdk destroy`.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.cases.addGlobalSecondaryIndex({
      indexName: CASES_INDEX.name,
      partitionKey: { name: CASES_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: CASES_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.casesIndexArn = `${this.cases.tableArn}/index/${CASES_INDEX.name}`;

    this.signingSecret = new secretsmanager.Secret(stack, 'SigningKey', {
      description: 'onward: HMAC key that signs approval links (SecretString)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The HMAC key signs approval links that live for linkTtlDays; automatic rotation would silently invalidate every outstanding link. ' +
        'Rotate by hand when needed (README "Rotate the link-signing key" gives the command); functions read it once per cold start.',
    });

    this.failedEvents = new sqs.Queue(stack, 'FailedEvents', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedEvents).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination (dead-letter queue) of the asynchronously invoked functions; nothing consumes it automatically.',
    });

    new CfnOutput(stack, 'RawMailBucketName', {
      value: this.rawMail.bucketName,
      description: `Raw messages, deleted after ${config.rawMailDays} days. Retained on stack deletion.`,
    });
    new CfnOutput(stack, 'CasesTableName', {
      value: this.cases.tableName,
      description: 'Cases. Retained on stack deletion.',
    });
    new CfnOutput(stack, 'FailedEventsQueueUrl', {
      value: this.failedEvents.queueUrl,
      description: 'Events that failed every attempt (14 days).',
    });
  }
}

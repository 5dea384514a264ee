// One construct for every onward function, so the defaults live in one place: Node.js 24 on
// arm64, a minified ESM bundle with source maps built by the local esbuild (lib/bundle-function.ts),
// an explicit timeout and memory size, its own log group with a retention period, a
// reserved-concurrency cap where the deployer asks for one, and a role that starts empty (no AWS
// managed policies) and is granted exactly what the bind helpers below add.
import { AssetHashType, type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { FUNCTION_ENTRIES, REPO_ROOT, bundleCommand, bundleFunctionSync } from './bundle-function.ts';
import type { OnwardConfig } from './config.ts';

/**
 * What the deployment decides for every function: its logs' retention, and a reserved
 * concurrency of `atMost`, or less when `reservedConcurrency` is lower, or none with `none` (the
 * default).
 */
export function deploymentLimits(
  config: Pick<OnwardConfig, 'logRetentionDays' | 'reservedConcurrency'>,
  atMost: number,
): Pick<OnwardFunctionProps, 'logRetention' | 'reservedConcurrency'> {
  return {
    logRetention: config.logRetentionDays as logs.RetentionDays,
    reservedConcurrency:
      config.reservedConcurrency === 'none' ? undefined : Math.min(atMost, config.reservedConcurrency),
  };
}

export interface OnwardFunctionProps {
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  /** Undefined: no reservation (`reservedConcurrency` is `none`, the default). */
  readonly reservedConcurrency: number | undefined;
  readonly environment: Record<string, string>;
  /** For asynchronously invoked functions: where failed events go, and how hard to try first. */
  readonly async?: { readonly onFailure: sqs.IQueue; readonly retryAttempts: number; readonly maxEventAge: Duration };
  /** A handler file under lambdas/handlers that is not one of FUNCTION_ENTRIES (deployment plumbing). */
  readonly entry?: string;
  /** Why no concurrency is reserved, when the reason is not the deployer's choice. */
  readonly unreservedBecause?: string;
  /**
   * A name of the function's own, where another function must name it without a reference (a
   * reference would close a cycle: see InboundMail). Otherwise CloudFormation makes one up.
   */
  readonly functionName?: string;
}

export class OnwardFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  /** `id` names the handler too (FUNCTION_ENTRIES) unless `entry` does: its file exports `handler`. */
  constructor(scope: Construct, id: keyof typeof FUNCTION_ENTRIES, props: OnwardFunctionProps);
  constructor(scope: Construct, id: string, props: OnwardFunctionProps & { entry: string });
  constructor(scope: Construct, id: string, props: OnwardFunctionProps) {
    super(scope, id);
    const entry = props.entry ?? FUNCTION_ENTRIES[id as keyof typeof FUNCTION_ENTRIES];
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs carry ids and outcomes only; they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `onward ${id}: only what its handler needs`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:* on every log group): this function's group only.
    // The log group's Arn attribute already ends in ':*', which covers its streams.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.fn = new lambda.Function(this, 'Function', {
      code: lambda.Code.fromAsset(REPO_ROOT, {
        // The hash of the bundle itself: a change that leaves the bundle alone deploys nothing.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // The esbuild in node_modules, never Docker: bundling works offline. tryBundle answers
          // or throws, so the image and command (which the API requires) are never run.
          image: lambda.Runtime.NODEJS_24_X.bundlingImage,
          command: bundleCommand(entry, '/asset-output'),
          local: {
            tryBundle(outputDir) {
              bundleFunctionSync(entry, outputDir);
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      ...(props.functionName ? { functionName: props.functionName } : {}),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      ...(props.async
        ? {
            onFailure: new SqsDestination(props.async.onFailure),
            retryAttempts: props.async.retryAttempts,
            maxEventAge: props.async.maxEventAge,
          }
        : {}),
    });
    if (props.reservedConcurrency === undefined) {
      Validations.of(this.fn).acknowledge({
        id: 'Onward-LambdaConcurrency',
        reason:
          props.unreservedBecause ??
          'No reservation unless the operator asks for one (-c reservedConcurrency=N): Lambda keeps at least 100 unreserved (all of a new account’s quota of 10 or 50), so a default cap would fail the first deploy on many accounts.',
      });
    }
  }

  /** `ses:SendRawEmail` only as the sender address, only through these SES resources. */
  allowSendingAs(fromAddress: string, sesResources: string[]): this {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: sesResources,
        conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
      }),
    );
    return this;
  }

  /**
   * One S3 action on the objects under one prefix of the bucket, nothing else in it. The names
   * under the prefix are not known in advance, so the grant ends in a wildcard: cdk-nag's finding
   * on it is acknowledged with `why`, which says what the objects are.
   */
  private allowOnRawMail(action: string, bucket: s3.IBucket, prefix: string, why: string): this {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [action], resources: [bucket.arnForObjects(`${prefix}*`)] }),
    );
    const logicalId = Stack.of(this).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
      reason: `${why}; the grant is ${action} under that prefix only.`,
    });
    return this;
  }

  /** Reads raw messages under one prefix of the bucket, nothing else in it. */
  allowReadingRawMail(bucket: s3.IBucket, prefix: string, why: string): this {
    return this.allowOnRawMail('s3:GetObject', bucket, prefix, why);
  }

  /** Stores messages under one prefix of the bucket (a pasted rejection's text), nothing else in it. */
  allowStoringRawMail(bucket: s3.IBucket, prefix: string, why: string): this {
    return this.allowOnRawMail('s3:PutObject', bucket, prefix, why);
  }

  /** Invokes one other function (by its unqualified ARN), nothing else. */
  allowInvoking(functionArn: string): this {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [functionArn] }),
    );
    return this;
  }

  /** Deletes raw messages under one prefix of the bucket (the owner's "Delete"), nothing else in it. */
  allowDeletingRawMail(bucket: s3.IBucket, prefix: string, why: string): this {
    return this.allowOnRawMail('s3:DeleteObject', bucket, prefix, why);
  }

  /** The named item actions on the table (and, for Query, its one index; Scan reads the table alone). */
  allowCases(
    tableArn: string,
    indexArn: string,
    actions: ('GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'Scan')[],
  ): this {
    const items = actions.filter((a) => a !== 'Scan');
    if (items.length)
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: items.map((a) => `dynamodb:${a}`),
          resources: items.includes('Query') ? [tableArn, indexArn] : [tableArn],
        }),
      );
    // A Scan looks for items no index holds: on the table alone.
    if (items.length < actions.length)
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Scan'], resources: [tableArn] }));
    return this;
  }

  /** The signing key, read once per cold start. */
  allowReadingSecret(secret: secretsmanager.ISecret): this {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    return this;
  }
}

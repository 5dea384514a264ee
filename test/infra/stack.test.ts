// Every security-bearing property of the stack, asserted on the synthesised template.
// One synthesis per configuration, reused by every test in its block.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CASES_INDEX } from '../../lambdas/adapters/dynamo-cases.ts';
import { loadHandlerConfig } from '../../lambdas/handlers/config.ts';
import { FUNCTIONS, resourceAt, resourcesOfType, synth } from './synth.ts';

const { template } = synth();
const json = template.toJSON();
const fn = (name: keyof typeof FUNCTIONS) => resourceAt(template, `${FUNCTIONS[name].path}/Function/Resource`);
const policyOf = (name: keyof typeof FUNCTIONS) =>
  resourceAt(template, `${FUNCTIONS[name].path}/Role/DefaultPolicy/Resource`).Properties.PolicyDocument
    .Statement as any[];
const bucket = resourceAt(template, 'Onward/RawMail/Resource');
const table = resourceAt(template, 'Onward/Cases/Resource');
const secret = resourceAt(template, 'Onward/SigningKey/Resource');
const queue = resourceAt(template, 'Onward/FailedEvents/Resource');
const url = resourceAt(template, 'Onward/Review/Function/FunctionUrl/Resource');
const RULE_ARN = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':receipt-rule-set/Onward-rules:receipt-rule/Onward-inbound',
    ],
  ],
};
const sesArn = (resource: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
    ],
  ],
});

describe('raw mail bucket', () => {
  it('is encrypted with S3-managed keys and blocks all public access', () => {
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ]);
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('expires raw mail after 90 days by default, and after rawMailDays when set', () => {
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' }),
    ]);
    const short = resourceAt(synth({ rawMailDays: '7' }).template, 'Onward/RawMail/Resource');
    expect(short.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 7 })]);
  });

  it('is retained when the stack is deleted', () => {
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  const statements = () =>
    resourceAt(template, 'Onward/RawMail/Policy/Resource').Properties.PolicyDocument.Statement as any[];

  it('refuses requests without TLS (and below TLS 1.2)', () => {
    expect(statements()).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(statements()).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('lets SES put objects only under the inbound prefix, only for this account and this receipt rule', () => {
    const forSes = statements().filter((s) => s.Principal?.Service === 'ses.amazonaws.com');
    expect(forSes).toEqual([
      {
        Sid: 'AllowSesReceiptRuleToStoreMail',
        Effect: 'Allow',
        Principal: { Service: 'ses.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, '/inbound/*']] },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': RULE_ARN } },
      },
    ]);
    // The CDK S3 action's weaker statement (aws:Referer / account only) is not there.
    expect(JSON.stringify(statements())).not.toContain('aws:Referer');
  });
});

describe('cases table', () => {
  it('is on-demand, with point-in-time recovery, TTL on expiresAt, retained and protected', () => {
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has the index the Cases page reads, named as the adapter names it', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: CASES_INDEX.name,
        KeySchema: [
          { AttributeName: CASES_INDEX.partitionKey, KeyType: 'HASH' },
          { AttributeName: CASES_INDEX.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });
});

describe('signing key', () => {
  it('is generated by Secrets Manager, 64 characters, never written in the template', () => {
    expect(secret.Properties.GenerateSecretString).toEqual({
      PasswordLength: 64,
      ExcludePunctuation: true,
      IncludeSpace: false,
    });
    expect(secret.Properties.SecretString).toBeUndefined();
  });
});

describe('functions (one shared construct)', () => {
  it.each(Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[])(
    '%s: nodejs24.x on arm64, explicit limits, its own log group with retention',
    (name) => {
      const f = fn(name);
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(f.Properties.Timeout).toBeGreaterThan(3);
      expect(f.Properties.MemorySize).toBeGreaterThanOrEqual(128);
      expect(f.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      const logs = resourceAt(template, `${FUNCTIONS[name].path}/Logs/Resource`);
      expect(f.Properties.LoggingConfig).toEqual({ LogGroup: { Ref: logs.id } });
      expect(logs.Properties.RetentionInDays).toBe(30);
    },
  );

  // Lambda keeps at least 100 unreserved per account (a new account's whole quota of 10 or 50):
  // any reservation by default fails the first deploy there, and rolls back.
  const reserved = (t: typeof template) =>
    resourcesOfType(t, 'AWS::Lambda::Function').reduce(
      (sum, f) => sum + (f.Properties.ReservedConcurrentExecutions ?? 0),
      0,
    );

  it('reserves no concurrency by default, in any function, the custom resource’s included', () => {
    expect(reserved(template)).toBe(0);
    expect(reserved(synth({ activateRuleSet: 'true' }).template)).toBe(0);
  });

  it('caps concurrency when asked: -c reservedConcurrency=N', () => {
    const capped = synth({ reservedConcurrency: '2', logRetentionDays: '90' }).template;
    expect(resourceAt(capped, 'Onward/Inbound/Function/Resource').Properties.ReservedConcurrentExecutions).toBe(2);
    expect(resourceAt(capped, 'Onward/Inbound/Logs/Resource').Properties.RetentionInDays).toBe(90);
    // Review and inbound N each, the bounce handler and the replies function at most 2 each, the
    // hourly job 1: what the guide says.
    expect(reserved(synth({ reservedConcurrency: '5' }).template)).toBe(5 + 5 + 2 + 2 + 1);
  });

  it('uses roles with no AWS managed policies, each writing only to its own log group', () => {
    for (const name of Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[]) {
      const role = resourceAt(template, `${FUNCTIONS[name].path}/Role/Resource`);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = resourceAt(template, `${FUNCTIONS[name].path}/Logs/Resource`);
      expect(policyOf(name)).toContainEqual({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [logs.id, 'Arn'] },
      });
    }
  });

  it('inbound: asynchronous, two retries, six hours at most, then the dead-letter queue', () => {
    const config = resourceAt(template, 'Onward/Inbound/Function/EventInvokeConfig/Resource');
    expect(config.Properties).toMatchObject({
      FunctionName: { Ref: fn('inbound').id },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue.id, 'Arn'] } } },
    });
  });

  it('every asynchronously invoked function ends in the same dead-letter queue', () => {
    const configs = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig');
    expect(configs.map((c) => c.Properties.FunctionName.Ref).sort()).toEqual(
      [fn('inbound').id, fn('replies').id, fn('expire').id, fn('feedback').id].sort(),
    );
    for (const c of configs)
      expect(c.Properties.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue.id, 'Arn'] });
  });
});

describe('function configuration matches lambdas/handlers/config.ts', () => {
  // Stand-ins for what CloudFormation resolves at deploy time.
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const v = value as Record<string, any>;
    if (v['Fn::GetAtt']?.[1] === 'FunctionUrl') return 'https://abc123.lambda-url.eu-west-1.on.aws/';
    if (v.Ref === secret.id) return 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:SigningKey-AbCdEf';
    if (v.Ref) return `resolved-${v.Ref}`;
    throw new Error(`unexpected value ${JSON.stringify(value)}`);
  };
  const envOf = (name: keyof typeof FUNCTIONS) =>
    Object.fromEntries(
      Object.entries(fn(name).Properties.Environment.Variables as Record<string, unknown>).map(([k, v]) => [
        k,
        resolve(v),
      ]),
    );

  it.each(['inbound', 'expire'] as const)(
    '%s: the handler configuration loads from the environment the stack sets',
    (name) => {
      const config = loadHandlerConfig(envOf(name));
      expect(config).toMatchObject({
        ownerEmail: 'me@example.com',
        ownerName: 'Sam Rivera',
        inboundAddress: 'onward@mail.example.com',
        senderAddress: 'letters@mail.example.com',
        tableName: `resolved-${table.id}`,
        bucketName: `resolved-${bucket.id}`,
        inboundPrefix: 'inbound/',
        reviewUrl: 'https://abc123.lambda-url.eu-west-1.on.aws/',
        signing: { secretArn: expect.stringMatching(/^arn:aws:secretsmanager:/) },
        linkTtlSeconds: 14 * 24 * 3600,
        requireDmarcPass: true,
        configurationSet: 'Onward-letters',
      });
    },
  );

  it('inbound and expire get the review URL from the function URL; review cannot (a CloudFormation cycle)', () => {
    expect(fn('inbound').Properties.Environment.Variables.ONWARD_REVIEW_URL).toEqual({
      'Fn::GetAtt': [url.id, 'FunctionUrl'],
    });
    expect(fn('expire').Properties.Environment.Variables.ONWARD_REVIEW_URL).toEqual({
      'Fn::GetAtt': [url.id, 'FunctionUrl'],
    });
    expect(JSON.stringify(fn('review').Properties)).not.toContain(url.id);
    expect(envOf('review')).toMatchObject({
      ONWARD_SIGNING_SECRET_ARN: expect.stringMatching(/^arn:/),
      ONWARD_CONFIGURATION_SET: 'Onward-letters',
    });
  });

  it('leaves DMARC enforcement at its default (required)', () => {
    for (const name of Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[])
      expect(envOf(name).ONWARD_REQUIRE_DMARC).toBeUndefined();
  });

  it('passes allowedSenders through, normalised', () => {
    const t = synth({ allowedSenders: 'Me@Example.com, me.work@example.org' }).template;
    expect(
      resourceAt(t, 'Onward/Inbound/Function/Resource').Properties.Environment.Variables.ONWARD_ALLOWED_SENDERS,
    ).toBe('me@example.com,me.work@example.org');
  });

  it('the feedback function gets the table name and nothing else', () => {
    expect(envOf('feedback')).toEqual({
      ONWARD_TABLE_NAME: `resolved-${table.id}`,
      NODE_OPTIONS: '--enable-source-maps',
    });
  });
});

describe('review site', () => {
  it('is a Function URL without IAM auth (the signed token authorises), buffered, no CORS', () => {
    expect(url.Properties).toEqual({
      AuthType: 'NONE',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: { 'Fn::GetAtt': [fn('review').id, 'Arn'] },
    });
  });

  it('is the only function anyone may invoke, and only through its URL', () => {
    const publicGrants = resourcesOfType(template, 'AWS::Lambda::Permission').filter(
      (p) => p.Properties.Principal === '*',
    );
    expect(publicGrants.map((p) => p.Properties)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: 'lambda:InvokeFunctionUrl',
          FunctionUrlAuthType: 'NONE',
          FunctionName: { 'Fn::GetAtt': [fn('review').id, 'Arn'] },
        }),
        expect.objectContaining({
          Action: 'lambda:InvokeFunction',
          InvokedViaFunctionUrl: true,
          FunctionName: { 'Fn::GetAtt': [fn('review').id, 'Arn'] },
        }),
      ]),
    );
    expect(publicGrants).toHaveLength(2);
  });
});

describe('SES receiving', () => {
  const rule = resourceAt(template, 'Onward/InboundRule/Resource');
  const permission = resourceAt(template, 'Onward/AllowSesToInvokeInbound');

  it('one rule for the whole inbound domain: TLS required, scanning on, enabled', () => {
    expect(rule.Properties.RuleSetName).toEqual({ Ref: resourceAt(template, 'Onward/RuleSet/Resource').id });
    expect(rule.Properties.Rule).toMatchObject({
      Name: 'Onward-inbound',
      Recipients: ['mail.example.com'],
      TlsPolicy: 'Require',
      ScanEnabled: true,
      Enabled: true,
    });
  });

  it('stores the message under the prefix first, then invokes the inbound function as an event', () => {
    expect(rule.Properties.Rule.Actions).toEqual([
      { S3Action: { BucketName: { Ref: bucket.id }, ObjectKeyPrefix: 'inbound/' } },
      { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [fn('inbound').id, 'Arn'] }, InvocationType: 'Event' } },
    ]);
  });

  it('SES may invoke the inbound function only for this account and rule, and the grants exist before the rule', () => {
    expect(permission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fn('inbound').id, 'Arn'] },
      Principal: 'ses.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: RULE_ARN,
    });
    expect(rule.DependsOn).toEqual(
      expect.arrayContaining([permission.id, resourceAt(template, 'Onward/RawMail/Policy/Resource').id]),
    );
  });

  it('by default creates its own rule set and prints the activation command', () => {
    expect(resourceAt(template, 'Onward/RuleSet/Resource').Properties).toEqual({ RuleSetName: 'Onward-rules' });
    expect(json.Outputs.ActivateRuleSetCommand.Value).toEqual({
      'Fn::Join': [
        '',
        ['aws ses set-active-receipt-rule-set --rule-set-name Onward-rules --region ', { Ref: 'AWS::Region' }],
      ],
    });
    expect(resourcesOfType(template, 'Custom::AWS')).toHaveLength(0);
  });

  it('-c activateRuleSet=true activates it with a custom resource allowed only SetActiveReceiptRuleSet', () => {
    const t = synth({ activateRuleSet: 'true' }).template;
    const activation = resourceAt(t, 'Onward/ActivateRuleSet/Resource/Default');
    expect(JSON.parse(activation.Properties.Create)).toMatchObject({
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: 'Onward-rules' },
    });
    // Deactivating on delete blindly (SetActiveReceiptRuleSet without a name) would stop
    // receiving for whichever set is active: that is the other resource's job, done with care.
    expect(activation.Properties.Delete).toBeUndefined();
    expect(activation.DependsOn).toContain(resourceAt(t, 'Onward/InboundRule/Resource').id);
    const policy = resourceAt(t, 'Onward/ActivateRuleSet/CustomResourcePolicy/Resource');
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'ses:SetActiveReceiptRuleSet', Resource: '*' },
    ]);
    const role = resourceAt(t, 'Onward/ActivateRuleSetRole/Resource');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(t.toJSON().Outputs.ActivateRuleSetCommand).toBeUndefined();
  });

  it('-c activateRuleSet=true: on stack deletion its own function deactivates the set, only if it is the active one', () => {
    const t = synth({ activateRuleSet: 'true' }).template;
    const deactivation = resourceAt(t, 'Onward/DeactivateRuleSetOnDelete/Default');
    const fnId = resourceAt(t, 'Onward/DeactivateRuleSet/Function/Resource').id;
    expect(deactivation.Type).toBe('Custom::OnwardRuleSetDeactivation');
    expect(deactivation.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [fnId, 'Arn'] },
      RuleSetName: 'Onward-rules',
    });
    // Deleted before the rule and the set (an active set cannot be deleted), while its role can still act.
    const policyId = resourceAt(t, 'Onward/DeactivateRuleSet/Role/DefaultPolicy/Resource').id;
    expect(deactivation.DependsOn).toEqual(
      expect.arrayContaining([resourceAt(t, 'Onward/InboundRule/Resource').id, policyId]),
    );
    const statements = resourceAt(t, 'Onward/DeactivateRuleSet/Role/DefaultPolicy/Resource').Properties.PolicyDocument
      .Statement as any[];
    expect(statements.filter((s) => !String(s.Action).startsWith('logs:'))).toEqual([
      { Effect: 'Allow', Action: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'], Resource: '*' },
      { Effect: 'Allow', Action: 'cloudformation:DescribeStacks', Resource: { Ref: 'AWS::StackId' } },
    ]);
    expect(resourcesOfType(template, 'Custom::OnwardRuleSetDeactivation')).toHaveLength(0);
  });

  it('-c ruleSetName=… adds the rule to that (active) set and creates none', () => {
    const t = synth({ ruleSetName: 'my-active-set' }).template;
    expect(resourcesOfType(t, 'AWS::SES::ReceiptRuleSet')).toHaveLength(0);
    const r = resourceAt(t, 'Onward/InboundRule/Resource');
    expect(r.Properties.RuleSetName).toBe('my-active-set');
    const sesStatement = (
      resourceAt(t, 'Onward/RawMail/Policy/Resource').Properties.PolicyDocument.Statement as any[]
    ).find((s) => s.Sid === 'AllowSesReceiptRuleToStoreMail');
    expect(JSON.stringify(sesStatement.Condition)).toContain(
      ':receipt-rule-set/my-active-set:receipt-rule/Onward-inbound',
    );
    expect(t.toJSON().Outputs.ActivateRuleSetCommand).toBeUndefined();
    expect(t.toJSON().Outputs.ReceiptRuleSetName.Value).toBe('my-active-set');
  });
});

describe('IAM, least privilege', () => {
  const SEND = {
    Effect: 'Allow',
    Action: 'ses:SendRawEmail',
    Condition: { StringEquals: { 'ses:FromAddress': 'letters@mail.example.com' } },
    Resource: [
      sesArn('configuration-set/Onward-letters'),
      sesArn('identity/letters@mail.example.com'),
      sesArn('identity/mail.example.com'),
      sesArn('identity/me@example.com'),
    ],
  };
  const tableArn = () => ({ 'Fn::GetAtt': [table.id, 'Arn'] });
  const indexArn = () => ({ 'Fn::Join': ['', [tableArn(), '/index/byReceived']] });
  const secretRead = () => ({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secret.id } });
  const dlqSend = () => ({
    Effect: 'Allow',
    Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
    Resource: { 'Fn::GetAtt': [queue.id, 'Arn'] },
  });
  const withoutLogs = (name: keyof typeof FUNCTIONS) =>
    policyOf(name).filter((s) => !String(s.Action).startsWith('logs:'));

  it('inbound: reads raw mail under the prefix, hands replies to the replies function, writes its case, reads cases by index, sends as the sender, reads the key', () => {
    expect(withoutLogs('inbound')).toEqual([
      dlqSend(),
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, '/inbound/*']] },
      },
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [fn('replies').id, 'Arn'] } },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: [tableArn(), indexArn()],
      },
      SEND,
      secretRead(),
    ]);
  });

  it('replies: reads raw mail under the prefix, reads and writes cases (finding a reply’s case by index), sends as the sender, reads the key', () => {
    expect(withoutLogs('replies')).toEqual([
      dlqSend(),
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, '/inbound/*']] },
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: [tableArn(), indexArn()],
      },
      SEND,
      secretRead(),
    ]);
  });

  it('review: reads and updates cases (and lists them through the one index), claims the email of a revived draft, deletes cases and their raw mail and the owner’s template verdicts at the owner’s word, stores a paste and hands it to the inbound function, sends as the sender, reads the key', () => {
    expect(withoutLogs('review')).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        Resource: [tableArn(), indexArn()],
      },
      { Effect: 'Allow', Action: 'dynamodb:Scan', Resource: tableArn() },
      {
        Effect: 'Allow',
        Action: 's3:DeleteObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, '/inbound/*']] },
      },
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, '/inbound/paste-*']] },
      },
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':lambda:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':function:Onward-inbound',
            ],
          ],
        },
      },
      SEND,
      secretRead(),
    ]);
  });

  it('expire: lists, updates and reads back cases, tells the owner about parked letters, reads the key', () => {
    expect(withoutLogs('expire')).toEqual([
      dlqSend(),
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: [tableArn(), indexArn()],
      },
      SEND,
      secretRead(),
    ]);
  });

  it('feedback: reads and updates cases, nothing else', () => {
    expect(withoutLogs('feedback')).toEqual([
      dlqSend(),
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], Resource: tableArn() },
    ]);
  });

  it('only the review role may invoke the inbound function (by the name it is given), only the inbound role the replies function', () => {
    expect(fn('inbound').Properties.FunctionName).toBe('Onward-inbound');
    expect(fn('review').Properties.Environment.Variables.ONWARD_INBOUND_FUNCTION).toBe('Onward-inbound');
    expect(fn('inbound').Properties.Environment.Variables.ONWARD_REPLIES_FUNCTION).toEqual({ Ref: fn('replies').id });
    const role = (id: string) => ({ Ref: resourceAt(template, `Onward/${id}/Role/Resource`).id });
    const invoking = resourcesOfType(template, 'AWS::IAM::Policy').flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as any[])
        .filter((st) => [st.Action].flat().includes('lambda:InvokeFunction'))
        .map((st) => ({ roles: p.Properties.Roles, target: JSON.stringify(st.Resource) })),
    );
    expect(invoking).toHaveLength(2);
    expect(invoking).toContainEqual({
      roles: [role('Review')],
      target: expect.stringContaining(':function:Onward-inbound'),
    });
    expect(invoking).toContainEqual({
      roles: [role('Inbound')],
      target: JSON.stringify({ 'Fn::GetAtt': [fn('replies').id, 'Arn'] }),
    });
  });

  it('no identity policy in the default stack grants a wildcard resource or a wildcard action', () => {
    for (const policy of resourcesOfType(template, 'AWS::IAM::Policy')) {
      for (const s of policy.Properties.PolicyDocument.Statement) {
        expect([s.Resource].flat()).not.toContain('*');
        expect([s.Action].flat().some((a: string) => a.includes('*'))).toBe(false);
      }
    }
  });
});

describe('queue and topics', () => {
  it('the dead-letter queue is encrypted, TLS-only and keeps messages 14 days', () => {
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const policy = resourceAt(template, 'Onward/FailedEvents/Policy/Resource').Properties.PolicyDocument.Statement;
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it.each(['Alarms', 'DeliveryFeedback'])('topic %s refuses publishing without TLS', (name) => {
    const policy = resourceAt(template, `Onward/${name}/Policy/Resource`).Properties.PolicyDocument.Statement;
    expect(policy).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });
});

describe('bounces and complaints of letters', () => {
  const topic = resourceAt(template, 'Onward/DeliveryFeedback/Resource');

  it('the configuration set sends bounce and complaint events to the feedback topic', () => {
    expect(resourceAt(template, 'Onward/Letters/Resource').Properties).toMatchObject({
      Name: 'Onward-letters',
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    expect(resourceAt(template, 'Onward/Letters/ToFeedbackTopic/Resource').Properties.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
      SnsDestination: { TopicARN: { Ref: topic.id } },
    });
  });

  it('only this configuration set may publish to the topic', () => {
    const policy = resourceAt(template, 'Onward/DeliveryFeedback/Policy/Resource').Properties.PolicyDocument.Statement;
    expect(policy).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'ses.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: {
          StringEquals: {
            'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':ses:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':configuration-set/',
                  { Ref: resourceAt(template, 'Onward/Letters/Resource').id },
                ],
              ],
            },
          },
        },
      }),
    );
  });

  it('the topic invokes the feedback function, and only that topic may', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topic.id },
      Endpoint: { 'Fn::GetAtt': [fn('feedback').id, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: topic.id },
      FunctionName: { 'Fn::GetAtt': [fn('feedback').id, 'Arn'] },
    });
  });
});

describe('operations', () => {
  const alarmTopic = resourceAt(template, 'Onward/Alarms/Resource');
  const alarm = (id: string) => resourceAt(template, `Onward/${id}/Resource`).Properties;

  it('alarms reach the owner by email', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'me@example.com',
      TopicArn: { Ref: alarmTopic.id },
    });
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(8);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: alarmTopic.id }]);
  });

  it('CloudWatch may publish to the alarm topic, only for this account’s alarms', () => {
    // The topic's policy (enforceSSL made one) replaces SNS's default: this statement is all that
    // lets an alarm reach the owner.
    const policy = resourceAt(template, 'Onward/Alarms/Policy/Resource').Properties;
    expect(policy.Topics).toEqual([{ Ref: alarmTopic.id }]);
    const allows = (policy.PolicyDocument.Statement as any[]).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Sid: 'AllowThisAccountsAlarmsToPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: { Ref: alarmTopic.id },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudwatch:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':alarm:*',
                ],
              ],
            },
          },
        },
      },
    ]);
  });

  it('on any message in the dead-letter queue', () => {
    expect(alarm('FailedEventsAlarm')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue.id, 'QueueName'] } }],
    });
  });

  it.each(['Inbound', 'Review', 'ExpireDrafts', 'SendFeedback'])('on any error of the %s function', (id) => {
    expect(alarm(`${id}ErrorsAlarm`)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Threshold: 1,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: resourceAt(template, `Onward/${id}/Function/Resource`).id } }],
    });
  });

  it('on the SES bounce rate reaching 5% (and complaints 0.1%)', () => {
    expect(alarm('BounceRateAlarm')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm('ComplaintRateAlarm')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.001,
    });
  });

  it('expires drafts hourly', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fn('expire').id, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
  });
});

describe('outputs (the guide names each one)', () => {
  it('names the address, the MX record, the review URL and the rest', () => {
    expect(Object.keys(json.Outputs).sort()).toEqual(
      [
        'ActivateRuleSetCommand',
        'AlarmTopicArn',
        'CasesTableName',
        'ConfigurationSetName',
        'FailedEventsQueueUrl',
        'InboundAddress',
        'MxRecord',
        'RawMailBucketName',
        'ReceiptRuleSetName',
        'ReviewUrl',
        'SenderAddress',
      ].sort(),
    );
    expect(json.Outputs.InboundAddress.Value).toBe('onward@mail.example.com');
    expect(json.Outputs.MxRecord.Value).toEqual({
      'Fn::Join': ['', ['10 inbound-smtp.', { Ref: 'AWS::Region' }, '.amazonaws.com']],
    });
    expect(json.Outputs.ReviewUrl.Value).toEqual({ 'Fn::GetAtt': [url.id, 'FunctionUrl'] });
  });
});

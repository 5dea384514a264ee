// `-c activateRuleSet=true`: the stack makes its receipt rule set the active one. One rule set
// can be active per account and region, and CloudFormation cannot activate one: a custom resource
// calls SetActiveReceiptRuleSet, and on delete deactivates.
import { Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as cr from 'aws-cdk-lib/custom-resources';

export function activateRuleSet(
  stack: Stack,
  props: { ruleSetName: string; rule: ses.ReceiptRule; logRetentionDays: number },
): void {
  const { ruleSetName } = props;
  const activatorLogs = new logs.LogGroup(stack, 'ActivateRuleSetLogs', {
    retention: props.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const activatorRole = new iam.Role(stack, 'ActivateRuleSetRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  activatorRole.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [activatorLogs.logGroupArn],
    }),
  );
  const activation = new cr.AwsCustomResource(stack, 'ActivateRuleSet', {
    onCreate: {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: ruleSetName },
      physicalResourceId: cr.PhysicalResourceId.of(ruleSetName),
    },
    onUpdate: {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: ruleSetName },
      physicalResourceId: cr.PhysicalResourceId.of(ruleSetName),
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
  activation.node.addDependency(props.rule);
  Validations.of(activation).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'ses:SetActiveReceiptRuleSet supports no resource-level permissions (Service Authorization Reference); the role allows only that action and its own log group.',
  });
  // The provider function CDK shares between AwsCustomResources in a stack (fixed id).
  const provider = stack.node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
  if (!provider) throw new Error('AwsCustomResource provider function not found: update the acknowledgement below');
  Validations.of(provider).acknowledge({
    id: 'Onward-LambdaConcurrency',
    reason:
      'Runs only when CloudFormation creates, updates or deletes the activation (one invocation per deploy); a reservation would take concurrency from the account for nothing.',
  });
}

// `-c activateRuleSet=true`: the stack makes its receipt rule set the active one. One rule set
// can be active per account and region, and CloudFormation cannot activate one: a custom resource
// calls SetActiveReceiptRuleSet. When the stack is deleted, a second one deactivates the set — only
// if it is still the active one (lambdas/handlers/rule-set-deactivation.ts).
import { CustomResource, Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as cr from 'aws-cdk-lib/custom-resources';
import { OnwardFunction } from './onward-function.ts';

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
    // No onDelete: SetActiveReceiptRuleSet with no name deactivates whichever set is active,
    // another application's too; DeactivateRuleSetOnDelete below asks first. This resource keeps
    // its logical id because CloudFormation deletes a resource with the properties it last saw:
    // updating it in place drops a blind delete call a stack may hold, replacing it would run one.
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

  const deactivator = new OnwardFunction(stack, 'DeactivateRuleSet', {
    entry: 'rule-set-deactivation.ts',
    description: 'onward: on stack deletion, deactivates its receipt rule set if it is the active one',
    timeout: Duration.minutes(1),
    memorySize: 128,
    logRetention: props.logRetentionDays as logs.RetentionDays,
    reservedConcurrency: undefined,
    unreservedBecause:
      'Runs only when CloudFormation creates, updates or deletes the resource (once per deploy); a reservation would take concurrency from the account for nothing.',
    environment: {},
  });
  deactivator.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
      resources: ['*'],
    }),
  );
  // Is the stack being deleted, or only this resource (the flag removed)?
  deactivator.role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [stack.stackId] }),
  );
  Validations.of(deactivator.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'ses:DescribeActiveReceiptRuleSet and ses:SetActiveReceiptRuleSet support no resource-level permissions (Service Authorization Reference); the function deactivates only when the active set is its own.',
  });
  const deactivation = new CustomResource(stack, 'DeactivateRuleSetOnDelete', {
    serviceToken: deactivator.fn.functionArn,
    resourceType: 'Custom::OnwardRuleSetDeactivation',
    properties: { RuleSetName: ruleSetName },
  });
  // Deleted before the rule (and the set): an active set cannot be deleted.
  deactivation.node.addDependency(props.rule, deactivator.role);

  // The provider function CDK shares between AwsCustomResources in a stack (fixed id).
  const provider = stack.node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
  if (!provider) throw new Error('AwsCustomResource provider function not found: update the acknowledgement below');
  Validations.of(provider).acknowledge({
    id: 'Onward-LambdaConcurrency',
    reason:
      'Runs only when CloudFormation creates, updates or deletes the activation (one invocation per deploy); a reservation would take concurrency from the account for nothing.',
  });
}

// cdk-nag on every synthesis (v3: a validation plugin; any unacknowledged finding fails it).
// The AwsSolutions pack, plus a few of cdk-nag's additional Lambda rules that this stack promises
// to keep (explicit memory and timeout, a concurrency cap) and one it must justify (a Function URL
// without IAM auth).
import { type CfnResource, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagMessageLevel, NagPack, rules, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';

class OnwardChecks extends NagPack {
  readonly name = 'Onward';

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = 'Onward';
  }

  protected checkResource(node: CfnResource): void {
    const checks: [typeof rules.lambda.LambdaConcurrency, string][] = [
      [rules.lambda.LambdaFunctionUrlAuth, 'The Lambda Function URL allows public, unauthenticated access.'],
      [rules.lambda.LambdaDefaultMemorySize, 'The Lambda function does not set its memory size.'],
      [rules.lambda.LambdaDefaultTimeout, 'The Lambda function does not set its timeout.'],
      [rules.lambda.LambdaConcurrency, 'The Lambda function has no reserved-concurrency cap.'],
    ];
    for (const [rule, info] of checks) {
      this.applyRule({
        info,
        explanation: 'onward keeps explicit limits on every function.',
        level: NagMessageLevel.ERROR,
        rule,
        node,
      });
    }
  }
}

/** The checks registered on an app, also used directly by the tests (validateScope). */
export function nagPacks(app: App): NagPack[] {
  return [new AwsSolutionsChecks(app), new OnwardChecks(app)];
}

export function addNagChecks(app: App): NagPack[] {
  const packs = nagPacks(app);
  Validations.of(app).addPlugins(...packs);
  return packs;
}

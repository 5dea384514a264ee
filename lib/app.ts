// Builds the CDK app: configuration from context (validated once), the stack, and cdk-nag.
// bin/app.ts and the infra tests both go through here, so the tests check what `cdk synth` makes.
import { App, type AppProps } from 'aws-cdk-lib';
import { loadDeployConfig, type OnwardConfig } from './config.ts';
import { addNagChecks } from './nag.ts';
import { OnwardStack } from './onward-stack.ts';

export interface OnwardApp {
  app: App;
  stack: OnwardStack;
  config: OnwardConfig;
}

export function createOnwardApp(props: AppProps = {}): OnwardApp {
  const app = new App(props);
  const config = loadDeployConfig((key) => app.node.tryGetContext(key));
  const stack = new OnwardStack(app, config.stackName, {
    config,
    description: 'onward: forward a job rejection, approve a thank-you letter, it goes out once',
    ...(config.region ? { env: { region: config.region, account: process.env.CDK_DEFAULT_ACCOUNT } } : {}),
  });
  addNagChecks(app);
  return { app, stack, config };
}

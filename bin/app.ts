// CDK app entry (cdk.json: `npx tsx bin/app.ts`). A configuration problem prints every problem
// and exits non-zero before anything is synthesised.
import { DeployConfigError } from '../lib/config.ts';
import { createOnwardApp } from '../lib/app.ts';

try {
  createOnwardApp().app.synth();
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

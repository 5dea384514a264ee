#!/usr/bin/env node
// The `onward` command. The CLI is TypeScript, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

// The SDK warns on every start that future releases need Node 22; users can do nothing about it here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
await import('./onward.ts');

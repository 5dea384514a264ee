#!/usr/bin/env node
// The `onward` command. The CLI is TypeScript, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./onward.ts');

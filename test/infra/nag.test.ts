// cdk-nag (v3, AwsSolutions + onward's Lambda rules) on the real app: zero unacknowledged
// findings in every configuration, every acknowledgement reasoned, and a finding fails synthesis.
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { addNagChecks, nagPacks } from '../../lib/nag.ts';
import { synth } from './synth.ts';

const VARIANTS = {
  default: {},
  activateRuleSet: { activateRuleSet: 'true' },
  existingRuleSet: { ruleSetName: 'my-active-set' },
  capped: { reservedConcurrency: '5', allowedSenders: 'me@example.com' },
} as const;

function acknowledgements(root: IConstruct) {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        found.push({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason: typeof reason === 'string' ? reason : JSON.stringify(reason),
        });
      }
    }
  }
  return found;
}

describe.each(Object.entries(VARIANTS))('cdk-nag, %s configuration', (_name, context) => {
  const { app } = synth(context);

  it('reports no unacknowledged finding (AwsSolutions and Onward packs)', () => {
    for (const pack of nagPacks(app)) {
      const report = pack.validateScope(app);
      expect(
        report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
      ).toEqual([]);
    }
  });

  it('gives a reason of substance for every acknowledgement', () => {
    for (const ack of acknowledgements(app)) expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(60);
  });
});

describe('the acknowledgements', () => {
  it('are exactly these, each on the one construct it concerns', () => {
    const ids = (context: Record<string, unknown>) =>
      acknowledgements(synth(context).app)
        .map((a) => `${a.id} @ ${a.path}`)
        .sort();
    expect(ids({})).toEqual(
      [
        'AwsSolutions-IAM5[Resource::<RawMailA1B12CE5.Arn>/inbound/*] @ Onward/Inbound/Role',
        // The owner's "Delete" takes a case's raw message, named by its SES message id, with it.
        // A reply is read again from its raw message by the function that acts on it.
        'AwsSolutions-IAM5[Resource::<RawMailA1B12CE5.Arn>/inbound/*] @ Onward/Replies/Role',
        'AwsSolutions-IAM5[Resource::<RawMailA1B12CE5.Arn>/inbound/*] @ Onward/Review/Role',
        // A pasted rejection is stored under a name of its own, paste-<uuid>, never over SES's mail.
        'AwsSolutions-IAM5[Resource::<RawMailA1B12CE5.Arn>/inbound/paste-*] @ Onward/Review/Role',
        'AwsSolutions-S1 @ Onward/RawMail',
        'AwsSolutions-SMG4 @ Onward/SigningKey',
        'AwsSolutions-SQS3 @ Onward/FailedEvents',
        'Onward-LambdaFunctionUrlAuth @ Onward/Review/Function/FunctionUrl',
        // No reservation by default: each function says why.
        'Onward-LambdaConcurrency @ Onward/ExpireDrafts/Function',
        'Onward-LambdaConcurrency @ Onward/Inbound/Function',
        'Onward-LambdaConcurrency @ Onward/Replies/Function',
        'Onward-LambdaConcurrency @ Onward/Review/Function',
        'Onward-LambdaConcurrency @ Onward/SendFeedback/Function',
      ].sort(),
    );
    expect(ids({ reservedConcurrency: '5' }).filter((a) => a.startsWith('Onward-LambdaConcurrency'))).toEqual([]);
    expect(ids({ activateRuleSet: 'true' })).toEqual(
      expect.arrayContaining([
        'AwsSolutions-IAM5[Resource::*] @ Onward/ActivateRuleSet',
        'Onward-LambdaConcurrency @ Onward/AWS679f53fac002430cb0da5b7982bd2287',
        'AwsSolutions-IAM5[Resource::*] @ Onward/DeactivateRuleSet/Role',
        'Onward-LambdaConcurrency @ Onward/DeactivateRuleSet/Function',
      ]),
    );
  });
});

describe('a finding fails synthesis', () => {
  it('an unacknowledged violation makes app.synth() throw', () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'onward-nag-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'Probe');
      new s3.Bucket(stack, 'PlainBucket');
      addNagChecks(app);
      expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('the real app synthesises with the checks registered', () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'onward-nag-'));
    try {
      expect(() => synth({}, { outdir }).app.synth()).not.toThrow();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

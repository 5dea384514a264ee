// The custom resource that deactivates onward's receipt rule set when the stack is deleted
// (lambdas/handlers/rule-set-deactivation.ts), against a stand-in for SES, CloudFormation and the
// pre-signed URL CloudFormation waits on. No emulator speaks SES receiving or CloudFormation.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler, type RuleSetEvent } from '../../lambdas/handlers/rule-set-deactivation.ts';

interface World {
  /** The active set, as SES would say; null: none. */
  active: string | null;
  stackStatus: string;
  calls: string[];
  answers: { Status: string; Reason: string; PhysicalResourceId: string }[];
}
const world: World = { active: null, stackStatus: 'DELETE_IN_PROGRESS', calls: [], answers: [] };

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    if (req.method === 'PUT' && req.url?.startsWith('/cloudformation-response')) {
      world.answers.push(JSON.parse(body));
      res.end();
      return;
    }
    const action = new URLSearchParams(body).get('Action') ?? '';
    world.calls.push(action);
    res.setHeader('content-type', 'text/xml');
    if (req.url?.startsWith('/refusing')) {
      res.statusCode = 403;
      res.end('<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>');
      return;
    }
    if (action === 'DescribeStacks') {
      res.end(
        `<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>Onward</StackName><StackStatus>${world.stackStatus}</StackStatus></member></Stacks></DescribeStacksResult></DescribeStacksResponse>`,
      );
    } else if (action === 'DescribeActiveReceiptRuleSet') {
      // The rules come first here on purpose: each has a <Name> of its own.
      res.end(
        `<DescribeActiveReceiptRuleSetResponse><DescribeActiveReceiptRuleSetResult>${
          world.active
            ? `<Rules><member><Name>${world.active}-inbound</Name></member></Rules><Metadata><Name>${world.active}</Name><CreatedTimestamp>2026-11-01T00:00:00Z</CreatedTimestamp></Metadata>`
            : ''
        }</DescribeActiveReceiptRuleSetResult></DescribeActiveReceiptRuleSetResponse>`,
      );
    } else if (action === 'SetActiveReceiptRuleSet') {
      world.active = new URLSearchParams(body).get('RuleSetName');
      res.end('<SetActiveReceiptRuleSetResponse><SetActiveReceiptRuleSetResult/></SetActiveReceiptRuleSetResponse>');
    } else {
      res.statusCode = 400;
      res.end('<ErrorResponse><Error><Code>InvalidAction</Code><Message>unknown</Message></Error></ErrorResponse>');
    }
  });
});

let base = '';
const saved = { ...process.env };
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_ENDPOINT_URL_SES: base,
    AWS_ENDPOINT_URL_CLOUDFORMATION: base,
  });
});
afterAll(() => {
  process.env = saved;
  server.close();
});
beforeEach(() => {
  Object.assign(world, { active: null, stackStatus: 'DELETE_IN_PROGRESS', calls: [], answers: [] });
});

const event = (type: RuleSetEvent['RequestType']): RuleSetEvent => ({
  RequestType: type,
  ResponseURL: `${base}/cloudformation-response?X-Amz-Signature=abc`,
  StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/Onward/0a1b2c3d',
  RequestId: 'request-1',
  LogicalResourceId: 'DeactivateRuleSetOnDelete',
  ...(type === 'Create' ? {} : { PhysicalResourceId: 'Onward-rules-deactivation' }),
  ResourceProperties: { RuleSetName: 'Onward-rules' },
});

describe('deactivating onward’s rule set', () => {
  it('on stack deletion, deactivates it when it is the active set', async () => {
    world.active = 'Onward-rules';
    await handler(event('Delete'));
    expect(world.calls).toEqual(['DescribeStacks', 'DescribeActiveReceiptRuleSet', 'SetActiveReceiptRuleSet']);
    expect(world.active).toBeNull();
    expect(world.answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Reason: 'deactivated' })]);
  });

  it('in the rollback of a failed first deploy, deactivates it too: SES deletes no active set', async () => {
    Object.assign(world, { active: 'Onward-rules', stackStatus: 'ROLLBACK_IN_PROGRESS' });
    await handler(event('Delete'));
    expect(world.active).toBeNull();
    expect(world.answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Reason: 'deactivated' })]);
  });

  it('leaves another application’s active set alone', async () => {
    world.active = 'their-rules';
    await handler(event('Delete'));
    expect(world.calls).not.toContain('SetActiveReceiptRuleSet');
    expect(world.active).toBe('their-rules');
    expect(world.answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Reason: 'another-set-active' })]);
  });

  it('does nothing when no set is active', async () => {
    await handler(event('Delete'));
    expect(world.calls).not.toContain('SetActiveReceiptRuleSet');
    expect(world.answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Reason: 'none-active' })]);
  });

  it('keeps the set active when only the resource goes (activateRuleSet removed, the stack stays)', async () => {
    world.active = 'Onward-rules';
    world.stackStatus = 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS';
    await handler(event('Delete'));
    expect(world.calls).toEqual(['DescribeStacks']);
    expect(world.active).toBe('Onward-rules');
    expect(world.answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Reason: 'stack-stays' })]);
  });

  it('does nothing on create and update, and always answers CloudFormation', async () => {
    await handler(event('Create'));
    await handler(event('Update'));
    expect(world.calls).toEqual([]);
    expect(world.answers.map((a) => [a.Status, a.PhysicalResourceId])).toEqual([
      ['SUCCESS', 'Onward-rules-deactivation'],
      ['SUCCESS', 'Onward-rules-deactivation'],
    ]);
  });

  it('answers FAILED with the error’s name when AWS refuses', async () => {
    world.active = 'Onward-rules';
    const endpoint = process.env.AWS_ENDPOINT_URL_SES;
    process.env.AWS_ENDPOINT_URL_SES = `${base}/refusing`;
    try {
      await handler(event('Delete'));
    } finally {
      process.env.AWS_ENDPOINT_URL_SES = endpoint;
    }
    expect(world.active).toBe('Onward-rules');
    expect(world.answers).toEqual([
      expect.objectContaining({ Status: 'FAILED', Reason: expect.stringContaining('AccessDenied') }),
    ]);
  });
});

// Each function's IAM grants, held against what its code can call — derived, not listed by hand:
// which repository methods each handler's bundle calls (esbuild, tree-shaken as deployed), and
// which DynamoDB operations each method of the DynamoDB adapter makes, including the read-back
// after a conditional write whose first answer was lost. A grant missing fails at run time on AWS
// only (the emulators check no IAM); a grant too many is privilege nobody uses.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsError, type AwsHttp } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseEraser, dynamoCaseRepository, dynamoReplyLookup } from '../../lambdas/adapters/dynamo-cases.ts';
import type { Case } from '../../lambdas/core/case/index.ts';
import type { CaseEraser, CaseRepository, ReplyLookup } from '../../lambdas/workflow/ports.ts';
import { FUNCTION_ENTRIES, HANDLERS_DIR, REPO_ROOT } from '../../lib/bundle-function.ts';
import { resourceAt, synth } from './synth.ts';

/** The review site's cases erase too, the replies function's find replies: their methods are called on `cases` alike. */
type Cases = CaseRepository & CaseEraser & ReplyLookup;
type Method = keyof Cases;
const adapters = (dynamo: AwsHttp): Cases => ({
  ...dynamoCaseRepository(dynamo, 'cases'),
  ...dynamoCaseEraser(dynamo, 'cases'),
  ...dynamoReplyLookup(dynamo, 'cases'),
});

const STORED: Case = {
  id: 'case-1',
  status: 'AWAITING_APPROVAL',
  receivedAt: '2026-11-26T12:00:00.000Z',
  updatedAt: '2026-11-26T12:00:00.000Z',
};

/** One call of each method; a method added to the repository must be added here (the test says so). */
const CALLS: Record<Method, (repo: Cases) => Promise<unknown>> = {
  get: (r) => r.get('case-1'),
  create: (r) => r.create(STORED),
  transition: (r) => r.transition('case-1', ['AWAITING_APPROVAL'], 'EXPIRED', {}),
  update: (r) => r.update('case-1', 'AWAITING_APPROVAL', {}),
  transitionFollowUp: (r) => r.transitionFollowUp('case-1', 1, ['SCHEDULED'], 'AWAITING_APPROVAL', {}),
  followUpsOn: (r) => r.followUpsOn(),
  switchFollowUps: (r) => r.switchFollowUps(false, '2026-11-26T12:00:00.000Z'),
  list: (r) => r.list({ status: 'AWAITING_APPROVAL' }),
  findByReplyRef: (r) => r.findByReplyRef('ref'),
  claimOriginal: (r) => r.claimOriginal('fingerprint', 'case-1'),
  passOriginal: (r) => r.passOriginal('fingerprint', 'case-0', 'case-1'),
  claimNotice: (r) => r.claimNotice('dmarc-fail#2026-11-26', 'case-1', 1_800_000_000),
  templateLabel: (r) => r.templateLabel('fingerprint'),
  remove: (r) => r.remove(STORED, ['AWAITING_APPROVAL']),
  forgetTemplates: (r) => r.forgetTemplates(),
  labelTemplate: (r) =>
    r.labelTemplate('fingerprint', {
      label: 'not_rejection',
      at: '2026-11-26T12:00:00.000Z',
      how: 'page',
      caseId: 'case-1',
    }),
};

/** A DynamoDB that records each operation; with `lost`, every conditional write fails its condition. */
function recordingDynamo(lost: boolean): AwsHttp & { operations: Set<string> } {
  const operations = new Set<string>();
  return {
    operations,
    async send(request, read) {
      const operation = request.headers!['x-amz-target']!.split('.')[1]!;
      operations.add(operation);
      const input = JSON.parse(request.body ?? '{}') as { ConditionExpression?: string };
      if (lost && input.ConditionExpression)
        throw new AwsError('dynamodb', 'ConditionalCheckFailedException', 'The conditional request failed', 400);
      const item = { id: { S: STORED.id }, status: { S: STORED.status }, caseId: { S: 'case-1' } };
      // A Scan finds one template verdict, so what is done with each found item is seen too.
      const body =
        operation === 'Query'
          ? { Items: [] }
          : operation === 'Scan'
            ? { Items: [{ id: { S: 'template#x' } }] }
            : operation === 'GetItem'
              ? { Item: item }
              : { Attributes: item };
      return read(new Response(JSON.stringify(body)));
    },
  };
}

/** The DynamoDB operations each repository method can make, on the happy path and after a lost write. */
async function operationsByMethod(): Promise<Record<string, string[]>> {
  const methods = Object.keys(adapters(recordingDynamo(false))) as Method[];
  expect(methods.sort()).toEqual(Object.keys(CALLS).sort());
  const result: Record<string, string[]> = {};
  for (const method of methods) {
    const seen = new Set<string>();
    for (const lost of [false, true]) {
      const dynamo = recordingDynamo(lost);
      await CALLS[method](adapters(dynamo));
      for (const op of dynamo.operations) seen.add(op);
    }
    result[method] = [...seen].sort();
  }
  return result;
}

/**
 * The repository methods a handler's bundle calls. The use cases reach the repository as
 * `cases` (`deps.cases.get(…)`, `cases.claimOriginal(…)`), a name esbuild keeps (or suffixes
 * with a digit) when it does not minify; property names it never changes.
 */
async function methodsCalledBy(entry: string, methods: readonly string[]): Promise<string[]> {
  const built = await esbuild.build({
    entryPoints: [path.join(HANDLERS_DIR, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  const code = built.outputFiles[0]!.text;
  const call = new RegExp(`\\bcases\\d*\\??\\.(${methods.join('|')})\\(`, 'g');
  return [...new Set([...code.matchAll(call)].map((m) => m[1]!))].sort();
}

const { template } = synth();
const grantedDynamo = (id: keyof typeof FUNCTION_ENTRIES) =>
  (resourceAt(template, `Onward/${id}/Role/DefaultPolicy/Resource`).Properties.PolicyDocument.Statement as any[])
    .flatMap((s) => [s.Action].flat() as string[])
    .filter((a) => a.startsWith('dynamodb:'))
    .map((a) => a.slice('dynamodb:'.length))
    .sort();

let byMethod: Record<string, string[]>;
beforeAll(async () => {
  byMethod = await operationsByMethod();
});

describe('the DynamoDB adapter', () => {
  it('reads an item back after a conditional write whose condition failed (its own lost write, or a real conflict)', () => {
    expect(byMethod.transition).toEqual(['GetItem', 'UpdateItem']);
    expect(byMethod.create).toEqual(['GetItem', 'PutItem']);
    expect(byMethod.list).toEqual(['Query']);
    // "Delete everything" finds the template verdicts and deletes each it found.
    expect(byMethod.forgetTemplates).toEqual(['DeleteItem', 'Scan']);
  });
});

describe.each(Object.entries(FUNCTION_ENTRIES) as [keyof typeof FUNCTION_ENTRIES, string][])(
  'the %s function',
  (id, entry) => {
    it('is granted exactly the DynamoDB operations its code can make', async () => {
      const called = await methodsCalledBy(entry, Object.keys(byMethod));
      const reachable = [...new Set(called.flatMap((m) => byMethod[m]!))].sort();
      // Every handler keeps cases: a scan that found nothing would prove nothing.
      expect(called.length, `${entry} calls no repository method the scan can see`).toBeGreaterThan(0);
      expect(grantedDynamo(id), `${id} calls ${called.join(', ')}`).toEqual(reachable);
    }, 60_000);
  },
);

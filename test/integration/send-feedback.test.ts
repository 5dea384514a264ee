// The bounce handler as SNS invokes it, on dynalite: SES's bounce notification, wrapped in SNS,
// read through the handler's own event schema — a permanent bounce marks the address bad, a
// transient one does not.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { awsHttp } from '../../lambdas/adapters/aws-http.ts';
import { dynamoCaseRepository } from '../../lambdas/adapters/dynamo-cases.ts';
import { LOCAL_AWS, ensureTable } from '../../lambdas/local/emulators.ts';

const emulators = inject('emulators');
const table = `feedback-${Date.now()}`;
const env = {
  AWS_REGION: LOCAL_AWS.region,
  AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamodb,
  ONWARD_TABLE_NAME: table,
};
const repo = dynamoCaseRepository(awsHttp('dynamodb', env), table);
let handler: (event: unknown) => Promise<{ outcomes: string[] }>;

beforeAll(async () => {
  await ensureTable(emulators.dynamodb, table);
  // The handler reads its table at module load, as on Lambda.
  Object.assign(process.env, env);
  ({ handler } = await import('../../lambdas/handlers/on-send-feedback.ts'));
});

const snsOf = (bounceType: string, caseId: string) => ({
  Records: [
    {
      Sns: {
        Message: JSON.stringify({
          eventType: 'Bounce',
          bounce: {
            bounceType,
            bounceSubType: bounceType === 'Transient' ? 'MailboxFull' : 'General',
            timestamp: '2026-11-26T11:00:05.123Z',
            bouncedRecipients: [{ emailAddress: 'sandra@grainwood.example' }],
          },
          mail: { tags: { case: [caseId] } },
        }),
      },
    },
  ],
});

async function sentCase(id: string) {
  const at = '2026-11-26T11:00:00.000Z';
  await repo.create({ id, status: 'RECEIVED', receivedAt: at, updatedAt: at });
  await repo.transition(id, ['RECEIVED'], 'DRAFTED', {});
  await repo.transition(id, ['DRAFTED'], 'AWAITING_APPROVAL', {});
  await repo.transition(id, ['AWAITING_APPROVAL'], 'SENDING', {});
  await repo.transition(id, ['SENDING'], 'SENT', { sentAt: at });
}

describe('bounces of sent letters, through the handler', () => {
  it('a Transient bounce is recorded as transient, a Permanent one as a bounce', async () => {
    await sentCase('fb-1');
    expect(await handler(snsOf('Transient', 'fb-1'))).toEqual({ outcomes: ['recorded'] });
    expect((await repo.get('fb-1'))!.delivery).toEqual({
      outcome: 'bounced-transient',
      at: '2026-11-26T11:00:05.123Z',
    });
    expect(await handler(snsOf('Permanent', 'fb-1'))).toEqual({ outcomes: ['recorded'] });
    expect((await repo.get('fb-1'))!.delivery!.outcome).toBe('bounced');
  });
});

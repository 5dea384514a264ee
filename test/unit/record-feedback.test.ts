import { describe, expect, it } from 'vitest';
import type { Case } from '../../lambdas/core/case/index.ts';
import { recordFeedback, type FeedbackDeps } from '../../lambdas/workflow/record-feedback.ts';

// A plain-object repository with the adapter's conditional semantics for update().
function setup(cases: Case[]) {
  const items = new Map(cases.map((c) => [c.id, structuredClone(c)]));
  const lines: string[] = [];
  const deps: FeedbackDeps = {
    cases: {
      async get(id) {
        return structuredClone(items.get(id) ?? null);
      },
      async update(id, status, changes) {
        const current = items.get(id);
        if (!current || current.status !== status) return null;
        const next = { ...current, ...changes };
        items.set(id, next);
        return structuredClone(next);
      },
    },
    clock: { now: () => new Date('2026-11-27T09:00:00.000Z') },
    log: {
      info: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
      error: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
    },
  };
  return { deps, items, lines };
}

const sent: Case = {
  id: 'c1',
  status: 'SENT',
  receivedAt: '2026-11-26T10:00:00Z',
  updatedAt: '2026-11-26T11:00:00Z',
  sentAt: '2026-11-26T11:00:00Z',
};
const bounce = (caseId?: string, bounceType = 'Permanent') => ({
  eventType: 'Bounce',
  bounce: { bounceType, timestamp: '2026-11-26T11:00:05.123Z' },
  mail: {
    tags: { ...(caseId ? { case: [caseId] } : {}), 'ses:configuration-set': ['Onward-letters'] },
    destination: ['sandra@grainwood.example'],
  },
});

describe('recording bounces and complaints of sent letters', () => {
  it('marks a SENT case bounced, at the time SES reported', async () => {
    const { deps, items } = setup([sent]);
    expect(await recordFeedback(deps, bounce('c1'))).toEqual({
      outcome: 'recorded',
      caseId: 'c1',
      delivery: { outcome: 'bounced', at: '2026-11-26T11:00:05.123Z' },
    });
    expect(items.get('c1')).toMatchObject({
      status: 'SENT',
      delivery: { outcome: 'bounced', at: '2026-11-26T11:00:05.123Z' },
    });
  });

  it.each(['Transient', 'Undetermined'])(
    'records a %s bounce as transient: the address may be good',
    async (bounceType) => {
      const { deps, items } = setup([sent]);
      expect(await recordFeedback(deps, bounce('c1', bounceType))).toMatchObject({
        outcome: 'recorded',
        delivery: { outcome: 'bounced-transient', at: '2026-11-26T11:00:05.123Z' },
      });
      expect(items.get('c1')!.delivery!.outcome).toBe('bounced-transient');
    },
  );

  it('a permanent bounce outweighs a transient one, never the other way round', async () => {
    const { deps, items } = setup([sent]);
    await recordFeedback(deps, bounce('c1', 'Transient'));
    expect((await recordFeedback(deps, bounce('c1', 'Transient'))).outcome).toBe('unchanged');
    expect((await recordFeedback(deps, bounce('c1', 'Permanent'))).outcome).toBe('recorded');
    expect((await recordFeedback(deps, bounce('c1', 'Transient'))).outcome).toBe('unchanged');
    expect(items.get('c1')!.delivery!.outcome).toBe('bounced');
  });

  it('understands identity notifications (notificationType) as well as event publishing (eventType)', async () => {
    const { deps, items } = setup([sent]);
    const note = { notificationType: 'Complaint', complaint: {}, mail: { tags: { case: ['c1'] } } };
    expect((await recordFeedback(deps, note)).outcome).toBe('recorded');
    expect(items.get('c1')!.delivery).toEqual({ outcome: 'complained', at: '2026-11-27T09:00:00.000Z' });
  });

  it('a complaint outweighs an earlier bounce, never the other way round; replays change nothing', async () => {
    const { deps, items } = setup([sent]);
    await recordFeedback(deps, bounce('c1'));
    expect((await recordFeedback(deps, bounce('c1'))).outcome).toBe('unchanged');
    await recordFeedback(deps, {
      eventType: 'Complaint',
      complaint: { timestamp: '2026-11-26T12:00:00Z' },
      mail: { tags: { case: ['c1'] } },
    });
    expect(items.get('c1')!.delivery!.outcome).toBe('complained');
    expect((await recordFeedback(deps, bounce('c1'))).outcome).toBe('unchanged');
    expect(items.get('c1')!.delivery!.outcome).toBe('complained');
  });

  it('leaves cases that are not SENT alone', async () => {
    const { deps, items } = setup([{ ...sent, status: 'AWAITING_APPROVAL' }]);
    expect(await recordFeedback(deps, bounce('c1'))).toEqual({ outcome: 'not-sent', caseId: 'c1' });
    expect(items.get('c1')!.delivery).toBeUndefined();
  });

  it('ignores untagged mail (notices to the owner), unknown cases, malformed ids and other event types', async () => {
    const { deps } = setup([sent]);
    expect(await recordFeedback(deps, bounce())).toEqual({ outcome: 'no-case' });
    expect(await recordFeedback(deps, bounce('nope'))).toEqual({ outcome: 'unknown-case', caseId: 'nope' });
    expect(await recordFeedback(deps, bounce('../../etc'))).toEqual({ outcome: 'no-case' });
    expect(await recordFeedback(deps, { eventType: 'Delivery', mail: { tags: { case: ['c1'] } } })).toEqual({
      outcome: 'not-feedback',
    });
  });

  it('logs ids and outcomes only, never addresses', async () => {
    const { deps, lines } = setup([sent]);
    await recordFeedback(deps, bounce('c1'));
    expect(lines.join('\n')).not.toContain('@');
    expect(lines).toContain(JSON.stringify({ event: 'feedback.recorded', caseId: 'c1', outcome: 'bounced' }));
  });
});

// Bounces and complaints of sent letters: SES publishes them through the configuration set to SNS,
// and this use case writes what happened onto the case, so the Cases page can show it.
// Only a SENT case changes (one conditional update); anything else is reported and left alone.
import { CASE_ID, type Case } from '../core/case/index.ts';
import type { CaseRepository, Clock, Logger } from './ports.ts';

export interface FeedbackDeps {
  cases: Pick<CaseRepository, 'get' | 'update'>;
  clock: Clock;
  log: Logger;
}

/** The parts of an SES notification onward reads (event publishing uses `eventType`, identity
 *  notifications `notificationType`; both carry `mail.tags` when the message was tagged). */
export interface SesFeedback {
  notificationType?: string;
  eventType?: string;
  mail?: { tags?: Record<string, readonly string[] | undefined> };
  bounce?: { timestamp?: string; bounceType?: string };
  complaint?: { timestamp?: string };
}

export type FeedbackOutcome =
  | { outcome: 'recorded'; caseId: string; delivery: NonNullable<Case['delivery']> }
  | { outcome: 'not-feedback' }
  | { outcome: 'no-case' }
  | { outcome: 'unknown-case'; caseId: string }
  | { outcome: 'not-sent'; caseId: string }
  | { outcome: 'unchanged'; caseId: string };

const WEIGHT: Record<NonNullable<Case['delivery']>['outcome'], number> = {
  'bounced-transient': 1,
  bounced: 2,
  complained: 3,
};

function when(stamp: string | undefined, clock: Clock): string {
  const parsed = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isNaN(parsed) ? clock.now().toISOString() : new Date(parsed).toISOString();
}

export async function recordFeedback(deps: FeedbackDeps, note: SesFeedback): Promise<FeedbackOutcome> {
  const type = note.eventType ?? note.notificationType;
  // Only a Permanent bounce says the address is bad (Transient, Undetermined: it may be good).
  const bounced = note.bounce?.bounceType === 'Permanent' ? 'bounced' : 'bounced-transient';
  const outcome = type === 'Bounce' ? bounced : type === 'Complaint' ? 'complained' : null;
  if (!outcome) {
    deps.log.info('feedback.skipped', { type: type ?? null });
    return { outcome: 'not-feedback' };
  }
  // Notices to the owner are sent untagged: their bounces belong to no case.
  const caseId = note.mail?.tags?.case?.[0];
  if (!caseId || !CASE_ID.test(caseId)) {
    deps.log.info('feedback.no-case', { outcome });
    return { outcome: 'no-case' };
  }
  const current = await deps.cases.get(caseId);
  if (!current) {
    deps.log.info('feedback.unknown-case', { caseId, outcome });
    return { outcome: 'unknown-case', caseId };
  }
  if (current.status !== 'SENT') {
    deps.log.info('feedback.not-sent', { caseId, outcome, status: current.status });
    return { outcome: 'not-sent', caseId };
  }
  // A complaint outweighs a bounce, a permanent bounce a transient one; a replay changes nothing.
  if (current.delivery && WEIGHT[current.delivery.outcome] >= WEIGHT[outcome]) {
    deps.log.info('feedback.unchanged', { caseId, outcome });
    return { outcome: 'unchanged', caseId };
  }
  const delivery = {
    outcome,
    at: when(outcome === 'complained' ? note.complaint?.timestamp : note.bounce?.timestamp, deps.clock),
  } as const;
  const updated = await deps.cases.update(caseId, 'SENT', { delivery });
  if (!updated) {
    deps.log.info('feedback.not-sent', { caseId, outcome, status: null });
    return { outcome: 'not-sent', caseId };
  }
  deps.log.info('feedback.recorded', { caseId, outcome });
  return { outcome: 'recorded', caseId, delivery };
}

// Drafts do not wait forever: past the link lifetime a waiting draft becomes EXPIRED, its links
// stop working, and the owner is told, with the link that brings it back (revive.ts).
import { expiredMessage } from '../core/notices/index.ts';
import { ownerMail } from './owner-mail.ts';
import type { CaseRepository, Clock, Links, Logger, Mailer, Owner } from './ports.ts';

export interface ExpireDeps {
  cases: CaseRepository;
  clock: Clock;
  log: Logger;
  mailer: Mailer;
  owner: Owner;
  links: Pick<Links, 'review' | 'cases'>;
  lifetimeSeconds: number;
}

export async function expireDrafts(deps: ExpireDeps): Promise<number> {
  const cutoff = deps.clock.now().getTime() - deps.lifetimeSeconds * 1000;
  let expired = 0;
  for (const record of await deps.cases.list({ status: 'AWAITING_APPROVAL' })) {
    if (Date.parse(record.updatedAt) > cutoff) continue;
    // Conditional: a draft sent or edited meanwhile is left alone. The note is owed until it left.
    if (await deps.cases.transition(record.id, ['AWAITING_APPROVAL'], 'EXPIRED', { ownerNotified: false }))
      expired += 1;
  }
  // Every expired draft whose note has not left yet: those just expired, and any a failed run left.
  let told = 0;
  for (const record of await deps.cases.list({ status: 'EXPIRED' })) {
    if (record.ownerNotified !== false) continue;
    const days = Math.round(deps.lifetimeSeconds / 86_400);
    const links = { review: deps.links.review(record.id), cases: deps.links.cases() };
    await deps.mailer.send(ownerMail(deps.owner, expiredMessage(record, links, days)));
    await deps.cases.update(record.id, 'EXPIRED', { ownerNotified: true });
    told += 1;
  }
  deps.log.info('drafts.expired', { count: expired, told });
  return expired;
}

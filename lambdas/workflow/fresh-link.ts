// A link past its lifetime offers a fresh one by email — only ever to the owner, so a stale link
// in anyone else's hands gets them nothing.
import { ALL_CASES } from '../core/links/index.ts';
import { draftableAnyway, parseFollowUpKey } from '../core/case/index.ts';
import type { ReviewDeps } from './owner-decisions.ts';
import { ownerMail } from './owner-mail.ts';
import type { Links } from './ports.ts';

/** Mails the owner a new review link after an old one expired. Only ever to the owner. */
export async function sendFreshLink(deps: ReviewDeps & { links: Links }, caseId: string): Promise<boolean> {
  if (caseId === ALL_CASES) {
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: 'A fresh onward link: your cases',
        text: `You asked for a fresh link.\n\nAll your cases: ${deps.links.cases()}`,
      }),
    );
    deps.log.info('cases-link.refreshed', {});
    return true;
  }
  // A follow-up's link names its round: the fresh one is to the follow-up as it stands.
  const followUp = parseFollowUpKey(caseId);
  if (followUp) {
    const record = await deps.cases.get(followUp.caseId);
    if (!record?.followUp) return false;
    await deps.mailer.send(
      ownerMail(deps.owner, {
        subject: 'A fresh onward link: your follow-up',
        text: `You asked for a fresh link.\n\nYour follow-up: ${deps.links.followUp(record.id, record.followUp.round)}\n\nAll your cases: ${deps.links.cases()}`,
      }),
    );
    deps.log.info('link.refreshed', { caseId: record.id, round: record.followUp.round });
    return true;
  }
  const current = await deps.cases.get(caseId);
  if (!current) return false;
  const subject = current.original?.subject
    ? `A fresh onward link: ${current.original.subject}`
    : 'A fresh onward link';
  // Mail set aside is drafted from its "draft anyway" page; a review link would show no way to.
  const link = draftableAnyway(current)
    ? `Draft a thank-you for it here: ${deps.links.draftAnyway(caseId)}`
    : `Review this case here: ${deps.links.review(caseId)}`;
  await deps.mailer.send(
    ownerMail(deps.owner, {
      subject,
      text: `You asked for a fresh link.\n\n${link}\n\nAll your cases: ${deps.links.cases()}`,
    }),
  );
  deps.log.info('link.refreshed', { caseId });
  return true;
}

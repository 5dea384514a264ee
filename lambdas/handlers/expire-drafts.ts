// Lambda entry for the hourly schedule, the housekeeping of cases: drafts waiting past the link
// lifetime expire, due follow-ups are drafted and mailed to the owner, and letters (thank-yous and
// follow-ups) whose sending process died mid-send are parked as SEND_UNKNOWN — never resent.
// `npx onward housekeeping` runs the same entry against the local stack.
import { composer, failingQuietly } from './compose.ts';
import { expireDrafts } from '../workflow/expire.ts';
import { draftDueFollowUps, sweepStaleFollowUps } from '../workflow/follow-up.ts';
import { sweepStaleSends } from '../workflow/stale-sends.ts';

const deps = composer(process.env);

// Far beyond any function timeout: a letter still SENDING after this has no live sender.
const STALE_SEND_SECONDS = 15 * 60;

export const handler = failingQuietly('housekeeping', async (event?: { staleSendSeconds?: number }) => {
  const { web, receive, config } = await deps();
  const expired = await expireDrafts({
    cases: web.cases,
    clock: web.clock,
    log: web.log,
    mailer: web.mailer,
    owner: web.owner,
    links: receive.links,
    lifetimeSeconds: config.linkTtlSeconds,
  });
  const stale = event?.staleSendSeconds ?? STALE_SEND_SECONDS;
  const parked = (await sweepStaleSends(web, stale)) + (await sweepStaleFollowUps(web, stale));
  const followUps = await draftDueFollowUps({ ...web, links: receive.links, followUpDays: config.followUpDays });
  return { expired, parked, followUps: followUps.drafted };
});

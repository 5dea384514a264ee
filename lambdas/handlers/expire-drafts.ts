// Lambda entry for the hourly schedule, the housekeeping of cases: drafts waiting past the link
// lifetime expire, and letters whose sending process died mid-send are parked as SEND_UNKNOWN
// (and the owner told) — never resent.
import { composer, failingQuietly } from './compose.ts';
import { expireDrafts } from '../workflow/expire.ts';
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
  const parked = await sweepStaleSends(web, event?.staleSendSeconds ?? STALE_SEND_SECONDS);
  return { expired, parked };
});

// Lambda entry for the hourly schedule: expire drafts that waited past the link lifetime.
import { composer } from './compose.ts';
import { expireDrafts } from '../workflow/expire.ts';

const deps = composer(process.env);

export async function handler() {
  const { web, config } = await deps();
  const expired = await expireDrafts({ cases: web.cases, clock: web.clock, log: web.log, lifetimeSeconds: config.linkTtlSeconds });
  return { expired };
}

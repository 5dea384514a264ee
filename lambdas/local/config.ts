// `onward start`'s settings: the owner, the addresses and the local ports, all from ONWARD_*
// variables with defaults that let `npm start` run with none set (lambdas/settings names them).
// One schema, every problem at once.
import * as z from 'zod/mini';
import {
  allowedSenders,
  dataDir,
  followUpDays,
  httpPort,
  inboundAddress,
  linkTtlDays,
  maxMessageBytes,
  ownerEmail,
  ownerName,
  senderAddress,
  sesPort,
  smtpPort,
  timeZone,
} from '../settings/settings.ts';
import type { Voice } from '../core/letter/index.ts';
import {
  describeIssues,
  ownAddressClashes,
  ownerFields,
  timeZoneField,
  voiceOf,
  wholeNumber,
} from '../handlers/config.ts';

const PORTS = [smtpPort, httpPort, sesPort];
const port = (setting: (typeof PORTS)[number]) => z._default(wholeNumber(setting), setting.default);

/** "ONWARD_SMTP_PORT and ONWARD_HTTP_PORT are both 3000": each service needs a port of its own. */
function portClashes(given: Record<string, string | undefined>): string[] {
  const byPort = new Map<string, string[]>();
  for (const { env, default: fallback } of PORTS) {
    const value = (given[env] ?? String(fallback)).trim();
    if (!/^\d+$/.test(value)) continue; // reported by the schema
    const port = String(Number(value));
    byPort.set(port, [...(byPort.get(port) ?? []), env]);
  }
  return [...byPort]
    .filter(([, names]) => names.length > 1)
    .map(([p, names]) => `${names.join(' and ')} are both ${p}: each needs a port of its own`);
}

/** The machine's own time zone, as its clock shows times; UTC where the runtime names none. */
function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || timeZone.default;
}

const LOCAL_DEFAULTS = {
  [ownerName.env]: ownerName.local,
  [ownerEmail.env]: ownerEmail.local,
  [inboundAddress.env]: inboundAddress.local,
  [senderAddress.env]: senderAddress.local,
};

const localSchema = z.object({
  ...ownerFields,
  [smtpPort.env]: port(smtpPort),
  [httpPort.env]: port(httpPort),
  [sesPort.env]: port(sesPort),
  [dataDir.env]: z._default(
    z.string().check(z.minLength(1, { error: `${dataDir.env} must not be empty` })),
    dataDir.default,
  ),
  [maxMessageBytes.env]: z._default(wholeNumber(maxMessageBytes), maxMessageBytes.default),
  [linkTtlDays.env]: z._default(wholeNumber(linkTtlDays), linkTtlDays.default),
  [followUpDays.env]: z._default(wholeNumber(followUpDays), followUpDays.default),
  [timeZone.env]: z._default(timeZoneField, machineTimeZone()),
});

export interface LocalConfig {
  ownerName: string;
  voice: Voice;
  ownerEmail: string;
  allowedSenders: string | undefined;
  inboundAddress: string;
  senderAddress: string;
  smtpPort: number;
  httpPort: number;
  sesPort: number;
  dataDir: string;
  maxMessageBytes: number;
  linkTtlDays: number;
  followUpDays: number;
  timeZone: string;
}

export type LocalConfigResult = { ok: true; config: LocalConfig } | { ok: false; problems: string[] };

export function loadLocalConfig(env: Record<string, string | undefined>): LocalConfigResult {
  // An empty variable means "not set": shells often export VAR= to clear one.
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('ONWARD_') && v !== ''));
  const parsed = localSchema.safeParse({ ...LOCAL_DEFAULTS, ...given });
  // Every problem at once: ports that clash are named beside whatever else is wrong.
  const problems = [
    ...(parsed.success ? [] : describeIssues(parsed.error.issues)),
    ...ownAddressClashes({ ...LOCAL_DEFAULTS, ...given }),
    ...portClashes(given),
  ];
  if (!parsed.success || problems.length) return { ok: false, problems };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      ownerName: e[ownerName.env],
      voice: voiceOf(e, e[ownerName.env]),
      ownerEmail: e[ownerEmail.env].toLowerCase(),
      allowedSenders: e[allowedSenders.env],
      inboundAddress: e[inboundAddress.env].toLowerCase(),
      senderAddress: e[senderAddress.env].toLowerCase(),
      smtpPort: e[smtpPort.env],
      httpPort: e[httpPort.env],
      sesPort: e[sesPort.env],
      dataDir: e[dataDir.env],
      maxMessageBytes: e[maxMessageBytes.env],
      linkTtlDays: e[linkTtlDays.env],
      followUpDays: e[followUpDays.env],
      timeZone: e[timeZone.env],
    },
  };
}

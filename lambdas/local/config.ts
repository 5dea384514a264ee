// `onward start`'s settings: the owner, the addresses and the local ports, all from ONWARD_*
// variables with defaults that let `npm start` run with none set. One schema, every problem at once.
import * as z from 'zod/mini';
import {
  describeIssues,
  MAX_LINK_TTL_DAYS,
  MAX_MESSAGE_BYTES,
  ownAddressClashes,
  ownerFields,
  wholeNumber,
} from '../handlers/config.ts';

const port = (name: string, fallback: number) => z._default(wholeNumber(name, 1, 65535), fallback);

const PORTS = { ONWARD_SMTP_PORT: 2525, ONWARD_HTTP_PORT: 3000, ONWARD_SES_PORT: 8005 } as const;

/** "ONWARD_SMTP_PORT and ONWARD_HTTP_PORT are both 3000": each service needs a port of its own. */
function portClashes(given: Record<string, string | undefined>): string[] {
  const byPort = new Map<string, string[]>();
  for (const [name, fallback] of Object.entries(PORTS)) {
    const value = (given[name] ?? String(fallback)).trim();
    if (!/^\d+$/.test(value)) continue; // reported by the schema
    const port = String(Number(value));
    byPort.set(port, [...(byPort.get(port) ?? []), name]);
  }
  return [...byPort]
    .filter(([, names]) => names.length > 1)
    .map(([p, names]) => `${names.join(' and ')} are both ${p}: each needs a port of its own`);
}

export const LOCAL_DEFAULTS = {
  ONWARD_OWNER_NAME: 'Sam Rivera',
  ONWARD_OWNER_EMAIL: 'me@example.com',
  ONWARD_INBOUND_ADDRESS: 'inbox@onward.localhost',
  ONWARD_SENDER_ADDRESS: 'letters@onward.localhost',
} as const;

const localSchema = z.object({
  ...ownerFields,
  ONWARD_SMTP_PORT: port('ONWARD_SMTP_PORT', PORTS.ONWARD_SMTP_PORT),
  ONWARD_HTTP_PORT: port('ONWARD_HTTP_PORT', PORTS.ONWARD_HTTP_PORT),
  ONWARD_SES_PORT: port('ONWARD_SES_PORT', PORTS.ONWARD_SES_PORT),
  ONWARD_DATA_DIR: z._default(
    z.string().check(z.minLength(1, { error: 'ONWARD_DATA_DIR must not be empty' })),
    '.onward',
  ),
  ONWARD_MAX_MESSAGE_BYTES: z._default(
    wholeNumber('ONWARD_MAX_MESSAGE_BYTES', 1024, MAX_MESSAGE_BYTES),
    10 * 1024 * 1024,
  ),
  ONWARD_LINK_TTL_DAYS: z._default(wholeNumber('ONWARD_LINK_TTL_DAYS', 1, MAX_LINK_TTL_DAYS), 14),
});

export interface LocalConfig {
  ownerName: string;
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
      ownerName: e.ONWARD_OWNER_NAME,
      ownerEmail: e.ONWARD_OWNER_EMAIL.toLowerCase(),
      allowedSenders: e.ONWARD_ALLOWED_SENDERS,
      inboundAddress: e.ONWARD_INBOUND_ADDRESS.toLowerCase(),
      senderAddress: e.ONWARD_SENDER_ADDRESS.toLowerCase(),
      smtpPort: e.ONWARD_SMTP_PORT,
      httpPort: e.ONWARD_HTTP_PORT,
      sesPort: e.ONWARD_SES_PORT,
      dataDir: e.ONWARD_DATA_DIR,
      maxMessageBytes: e.ONWARD_MAX_MESSAGE_BYTES,
      linkTtlDays: e.ONWARD_LINK_TTL_DAYS,
    },
  };
}

// `onward start`'s settings: the owner, the addresses and the local ports, all from ONWARD_*
// variables with defaults that let `npm start` run with none set. One schema, every problem at once.
import * as z from 'zod/mini';
import { describeIssues, ownerFields } from '../handlers/config.ts';

const port = (name: string, fallback: number) =>
  z._default(
    z.coerce.number({ error: `${name} must be a port number` }).check(
      z.int({ error: `${name} must be a whole number` }),
      z.gte(1, { error: `${name} must be between 1 and 65535` }),
      z.lte(65535, { error: `${name} must be between 1 and 65535` }),
    ),
    fallback,
  );

export const LOCAL_DEFAULTS = {
  ONWARD_OWNER_NAME: 'Sam Rivera',
  ONWARD_OWNER_EMAIL: 'me@example.com',
  ONWARD_INBOUND_ADDRESS: 'inbox@onward.localhost',
  ONWARD_SENDER_ADDRESS: 'letters@onward.localhost',
} as const;

const localSchema = z.object({
  ...ownerFields,
  ONWARD_SMTP_PORT: port('ONWARD_SMTP_PORT', 2525),
  ONWARD_HTTP_PORT: port('ONWARD_HTTP_PORT', 3000),
  ONWARD_SES_PORT: port('ONWARD_SES_PORT', 8005),
  ONWARD_DATA_DIR: z._default(z.string().check(z.minLength(1, { error: 'ONWARD_DATA_DIR must not be empty' })), '.onward'),
  ONWARD_MAX_MESSAGE_BYTES: z._default(
    z.coerce.number({ error: 'ONWARD_MAX_MESSAGE_BYTES must be a number' }).check(z.int(), z.gte(1024, { error: 'ONWARD_MAX_MESSAGE_BYTES must be at least 1024' })),
    10 * 1024 * 1024,
  ),
  ONWARD_LINK_TTL_DAYS: z._default(z.coerce.number({ error: 'ONWARD_LINK_TTL_DAYS must be a number' }).check(z.int(), z.gte(1, { error: 'ONWARD_LINK_TTL_DAYS must be at least 1' })), 14),
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
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  const e = parsed.data;
  const ports = [['ONWARD_SMTP_PORT', e.ONWARD_SMTP_PORT], ['ONWARD_HTTP_PORT', e.ONWARD_HTTP_PORT], ['ONWARD_SES_PORT', e.ONWARD_SES_PORT]] as const;
  const clash = ports.filter(([, p], i) => ports.findIndex(([, q]) => q === p) !== i);
  if (clash.length) return { ok: false, problems: clash.map(([name, p]) => `${name} (${p}) is the same port as another ONWARD_*_PORT`) };
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

// The environment the stack gives the functions that read the whole handler configuration
// (lambdas/handlers/config.ts), by the settings contract's names.
import {
  allowedSenders,
  bucketName,
  closing,
  greeting,
  signature,
  signOff,
  configurationSet,
  type EnvName,
  followUpDays,
  inboundAddress,
  inboundPrefix,
  linkTtlDays,
  maxMessageBytes,
  ownerEmail,
  ownerName,
  reviewUrl,
  senderAddress,
  signingSecretArn,
  tableName,
  timeZone,
} from '../lambdas/settings/settings.ts';
import type { OnwardConfig } from './config.ts';

/** What the stack made for the handlers: its resources' names, resolved at deploy time. */
export interface HandlerResources {
  readonly tableName: string;
  readonly bucketName: string;
  readonly signingSecretArn: string;
  readonly configurationSet: string;
  /** The review site's base URL, for every function but the site's own (see ReviewSite). */
  readonly reviewUrl?: string;
}

export function handlerEnvironment(config: OnwardConfig, made: HandlerResources): Record<string, string> {
  return {
    [ownerName.env]: config.ownerName,
    [ownerEmail.env]: config.ownerEmail,
    [greeting.env]: config.greeting,
    [closing.env]: config.closing,
    ...(config.signOff ? { [signOff.env]: config.signOff } : {}),
    ...(config.signature ? { [signature.env]: config.signature } : {}),
    ...(config.allowedSenders?.length ? { [allowedSenders.env]: config.allowedSenders.join(',') } : {}),
    [inboundAddress.env]: config.inboundAddress,
    [senderAddress.env]: config.senderAddress,
    [tableName.env]: made.tableName,
    [bucketName.env]: made.bucketName,
    [inboundPrefix.env]: inboundPrefix.default,
    [signingSecretArn.env]: made.signingSecretArn,
    [linkTtlDays.env]: String(config.linkTtlDays),
    [followUpDays.env]: String(config.followUpDays),
    // Passed although it is the handlers' default: the console then shows each function's limit.
    [maxMessageBytes.env]: String(maxMessageBytes.default),
    [configurationSet.env]: made.configurationSet,
    [timeZone.env]: config.timeZone,
    ...(made.reviewUrl ? { [reviewUrl.env]: made.reviewUrl } : {}),
  } satisfies Partial<Record<EnvName, string>>;
}

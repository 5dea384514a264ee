// `npx onward doctor`: checks a deployed stack the way a first day would meet it — the DNS
// records of the inbound domain, onward's rule set active, SES out of the sandbox, the alarm
// subscription confirmed, the owner's domain's DMARC — then mails onward a test message through
// SES and watches it arrive. Each problem comes with the command that fixes it. It talks to AWS
// through the functions' own signed client (AWS_ENDPOINT_URL_* point it elsewhere, as in tests).
import { randomBytes } from 'node:crypto';
import { type AwsHttp, callQuery, xmlText } from '../lambdas/adapters/aws-http.ts';
import { describeStack } from '../lambdas/adapters/cloudformation.ts';
import { dynamoCaseRepository } from '../lambdas/adapters/dynamo-cases.ts';
import { sesMailer } from '../lambdas/adapters/ses-mailer.ts';
import { activeRuleSetName } from '../lambdas/adapters/ses-receiving.ts';
import { PROBE_SUBJECT } from '../lambdas/core/trust/index.ts';

export interface Resolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
  resolveCname(name: string): Promise<string[]>;
  resolveTxt(name: string): Promise<string[][]>;
}

export interface DoctorDeps {
  stackName: string;
  region: string;
  aws: Record<'cloudformation' | 'ses' | 'sesv2' | 'sns' | 'dynamodb', AwsHttp>;
  resolver: Resolver;
  /** How long to wait for the test message, and how often to look. */
  waitMs: number;
  pollMs: number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface Finding {
  ok: boolean;
  check: string;
  detail: string;
  /** The command (or step) that fixes it. */
  fix?: string;
}

const ok = (check: string, detail: string): Finding => ({ ok: true, check, detail });
const problem = (check: string, detail: string, fix: string): Finding => ({ ok: false, check, detail, fix });
const errorName = (error: unknown) => (error instanceof Error ? error.name : 'Unknown');
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

async function dnsAnswer<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch {
    return null;
  }
}

async function checkMx(deps: DoctorDeps, domain: string): Promise<Finding> {
  const want = `inbound-smtp.${deps.region}.amazonaws.com`;
  const mx = (await dnsAnswer(() => deps.resolver.resolveMx(domain))) ?? [];
  const exchanges = mx.map((r) => r.exchange.toLowerCase().replace(/\.$/, ''));
  if (exchanges.length === 1 && exchanges[0] === want) return ok('MX record', `${domain} → ${want}`);
  const fix = `publish exactly one MX record:  ${domain}.  MX  10 ${want}`;
  return problem(
    'MX record',
    exchanges.length
      ? `${domain} points at ${exchanges.join(', ')}, not only at SES (${want})`
      : `${domain} has no MX record`,
    fix,
  );
}

async function checkDkim(deps: DoctorDeps, domain: string): Promise<Finding> {
  let identity: { DkimAttributes?: { Status?: string; Tokens?: string[] }; VerifiedForSendingStatus?: boolean };
  try {
    identity = await deps.aws.sesv2.send(
      { method: 'GET', path: `/v2/email/identities/${encodeURIComponent(domain)}` },
      async (r) => (await r.json()) as typeof identity,
    );
  } catch (error) {
    if (errorName(error) === 'NotFoundException')
      return problem(
        'DKIM',
        `${domain} is not an SES identity`,
        `aws sesv2 create-email-identity --email-identity ${domain} --region ${deps.region}  (then publish the three CNAME records it lists)`,
      );
    throw error;
  }
  const tokens = identity.DkimAttributes?.Tokens ?? [];
  const missing: string[] = [];
  for (const token of tokens) {
    const name = `${token}._domainkey.${domain}`;
    const answer = (await dnsAnswer(() => deps.resolver.resolveCname(name))) ?? [];
    if (!answer.some((a) => a.toLowerCase().replace(/\.$/, '') === `${token}.dkim.amazonses.com`))
      missing.push(`${name}.  CNAME  ${token}.dkim.amazonses.com`);
  }
  if (missing.length || !tokens.length)
    return problem(
      'DKIM',
      `${missing.length || 'no'} of the DKIM records of ${domain} ${tokens.length ? 'are missing' : 'exist (SES lists no tokens)'}`,
      missing.length
        ? `publish:\n      ${missing.join('\n      ')}`
        : `aws sesv2 get-email-identity --email-identity ${domain}`,
    );
  const status = identity.DkimAttributes?.Status ?? 'UNKNOWN';
  if (status !== 'SUCCESS' || identity.VerifiedForSendingStatus === false)
    return problem(
      'DKIM',
      `the records of ${domain} are published, SES says ${status}`,
      'wait for SES to see them (minutes to a few hours), then run the doctor again',
    );
  return ok('DKIM', `${domain}: ${tokens.length} records published, verified for sending`);
}

async function checkRuleSet(deps: DoctorDeps, ours: string): Promise<Finding> {
  const active = await activeRuleSetName(deps.aws.ses);
  if (active === ours) return ok('receipt rule set', `${ours} is the active one`);
  const activate = `aws ses set-active-receipt-rule-set --rule-set-name ${ours} --region ${deps.region}`;
  return active === null
    ? problem('receipt rule set', 'no rule set is active: SES receives nothing', activate)
    : problem(
        'receipt rule set',
        `${active} is active, not ${ours}: onward's rule never runs`,
        `${activate}\n      (this replaces ${active}; if another application needs it, redeploy with -c ruleSetName=${active} instead)`,
      );
}

async function checkSending(deps: DoctorDeps): Promise<Finding> {
  const account = await deps.aws.sesv2.send(
    { method: 'GET', path: '/v2/email/account' },
    async (r) => (await r.json()) as { ProductionAccessEnabled?: boolean; SendingEnabled?: boolean },
  );
  if (account.SendingEnabled === false)
    return problem(
      'SES sending',
      'sending is paused for this account: no draft or letter leaves',
      `aws sesv2 get-account --region ${deps.region}  (see its Details and EnforcementStatus; AWS pauses accounts for bounces or complaints)`,
    );
  if (!account.ProductionAccessEnabled)
    return problem(
      'SES sending',
      'the account is in the SES sandbox: drafts reach you, but SES refuses letters to interviewers (the review page then offers "Send from my own mail")',
      'ask for production access: the aws sesv2 put-account-details command in README "3. The SES sandbox, and production access"',
    );
  return ok('SES sending', 'production access: letters can reach interviewers');
}

interface Subscription {
  arn: string;
  endpoint: string;
}

async function subscriptions(deps: DoctorDeps, topicArn: string): Promise<Subscription[]> {
  const xml = await callQuery(deps.aws.sns, '2010-03-31', 'ListSubscriptionsByTopic', { TopicArn: topicArn });
  return [...xml.matchAll(/<member>([\s\S]*?)<\/member>/g)].map((m) => ({
    arn: xmlText(m[1]!, 'SubscriptionArn') ?? '',
    endpoint: xmlText(m[1]!, 'Endpoint') ?? '',
  }));
}

function checkAlarms(topicArn: string, subs: Subscription[], region: string): Finding {
  const confirmed = subs.filter((s) => s.arn.startsWith('arn:'));
  if (confirmed.length) return ok('alarm subscription', `confirmed (${confirmed.length})`);
  const pending = subs.find((s) => s.arn === 'PendingConfirmation');
  const endpoint = pending?.endpoint || '<your address>';
  return problem(
    'alarm subscription',
    pending
      ? `not confirmed: alarms reach nobody until ${endpoint} clicks the link`
      : 'the alarm topic has no subscriber',
    `click "Confirm subscription" in the email from AWS Notifications, or send it again:\n      aws sns subscribe --topic-arn ${topicArn} --protocol email --notification-endpoint ${endpoint} --region ${region}`,
  );
}

async function checkOwnerDmarc(deps: DoctorDeps, owner: string): Promise<Finding> {
  const domain = domainOf(owner);
  const records = (await dnsAnswer(() => deps.resolver.resolveTxt(`_dmarc.${domain}`))) ?? [];
  if (records.some((r) => r.join('').startsWith('v=DMARC1')))
    return ok('your domain’s DMARC', `${domain} publishes a policy: your forwards must pass it`);
  return problem(
    'your domain’s DMARC',
    `${domain} publishes no DMARC record: onward accepts your own forwards only when your provider signs them (DKIM) for ${domain} or sends them from an envelope at ${domain}; if neither, you get a "Not accepted" email`,
    `turn on DKIM signing for ${domain} at your mail provider, and publish:  _dmarc.${domain}.  TXT  "v=DMARC1; p=none"`,
  );
}

async function testForward(
  deps: DoctorDeps,
  outputs: Record<string, string>,
  configurationSet: string | undefined,
): Promise<Finding> {
  const nonce = randomBytes(12).toString('hex');
  const sent = deps.now();
  await sesMailer(deps.aws.ses, configurationSet).send({
    from: { name: 'onward doctor', address: outputs.SenderAddress! },
    to: { name: null, address: outputs.InboundAddress! },
    subject: `${PROBE_SUBJECT} ${nonce}`,
    text: 'A test message from npx onward doctor: onward records it and does nothing else.',
    automatic: true,
  });
  const cases = dynamoCaseRepository(deps.aws.dynamodb, outputs.CasesTableName!);
  while (deps.now() - sent < deps.waitMs) {
    await deps.sleep(deps.pollMs);
    const found = (await cases.list({ status: 'IGNORED', limit: 50 })).find((c) => c.probe?.nonce === nonce);
    if (!found?.probe) continue;
    const v = found.probe.verdicts;
    const seconds = Math.max(1, Math.round((deps.now() - sent) / 1000));
    return ok(
      'test message',
      `sent through SES to ${outputs.InboundAddress}, received and recorded by onward after ${seconds} s (SES saw SPF ${v.spf}, DKIM ${v.dkim}, DMARC ${v.dmarc}, spam ${v.spam}, virus ${v.virus})`,
    );
  }
  return problem(
    'test message',
    `sent through SES to ${outputs.InboundAddress}, but onward had not recorded it after ${Math.round(deps.waitMs / 1000)} s`,
    `fix the problems above first (MX, rule set); then look at the inbound function's log:\n      aws logs tail /aws/lambda/$(aws cloudformation describe-stack-resources --stack-name ${deps.stackName} --query "StackResources[?starts_with(LogicalResourceId,'InboundFunction')].PhysicalResourceId" --output text) --since 10m --region ${deps.region}`,
  );
}

/** Every check, in the order a first day meets them; the test message only when asked. */
export async function doctor(deps: DoctorDeps, options: { send: boolean } = { send: true }): Promise<Finding[]> {
  let outputs: Record<string, string>;
  try {
    outputs = (await describeStack(deps.aws.cloudformation, deps.stackName)).outputs;
  } catch (error) {
    return [
      problem(
        'stack',
        `no stack ${deps.stackName} in ${deps.region} (${errorName(error)})`,
        'deploy it (README "5. Deploy"), or name it: npx onward doctor --stack <stackName> --region <region>',
      ),
    ];
  }
  const findings: Finding[] = [ok('stack', `${deps.stackName} in ${deps.region}`)];
  const guard = async (check: string, run: () => Promise<Finding>) => {
    try {
      findings.push(await run());
    } catch (error) {
      findings.push(problem(check, `could not check (${errorName(error)})`, 'check your AWS credentials and region'));
    }
  };
  const inboundDomain = domainOf(outputs.InboundAddress ?? '');
  const senderDomain = domainOf(outputs.SenderAddress ?? '');
  await guard('MX record', () => checkMx(deps, inboundDomain));
  await guard('DKIM', () => checkDkim(deps, senderDomain));
  await guard('receipt rule set', () => checkRuleSet(deps, outputs.ReceiptRuleSetName ?? `${deps.stackName}-rules`));
  await guard('SES sending', () => checkSending(deps));
  let owner: string | undefined;
  await guard('alarm subscription', async () => {
    const subs = await subscriptions(deps, outputs.AlarmTopicArn ?? '');
    // The alarm topic's subscriber is the owner's mailbox, by construction (lib/alarms.ts).
    owner = subs.find((s) => s.endpoint.includes('@'))?.endpoint;
    return checkAlarms(outputs.AlarmTopicArn ?? '', subs, deps.region);
  });
  if (owner) await guard('your domain’s DMARC', () => checkOwnerDmarc(deps, owner!));
  if (options.send) await guard('test message', () => testForward(deps, outputs, outputs.ConfigurationSetName));
  return findings;
}

/** The report as printed: one line per check, each problem followed by its fix. */
export function report(findings: Finding[]): string {
  const lines = findings.flatMap((f) => [
    `${f.ok ? '✓' : '✗'} ${f.check}: ${f.detail}`,
    ...(f.fix ? [`    fix: ${f.fix}`] : []),
  ]);
  const problems = findings.filter((f) => !f.ok).length;
  lines.push(
    '',
    problems ? `${problems} problem${problems === 1 ? '' : 's'} found.` : 'Everything onward needs is in place.',
  );
  return `${lines.join('\n')}\n`;
}

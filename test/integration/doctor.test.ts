// `npx onward doctor` against the local emulators where they can answer — the cases table, the
// raw-mail bucket, and the real inbound handler that records the test message — and a stand-in
// for what they cannot: CloudFormation, SES's receiving and account APIs, SNS, and DNS.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMime } from '../../lambdas/adapters/mime.ts';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DoctorDeps, doctor, report, type Resolver } from '../../bin/doctor.ts';
import { awsHttp } from '../../lambdas/adapters/aws-http.ts';
import { compose, type Composition } from '../../lambdas/handlers/compose.ts';
import { handleSesEvent } from '../../lambdas/handlers/on-mail-received.ts';
import { INBOUND, startTestStack, storeForSes, type TestStack } from '../support/stack.ts';

const FIXTURE = new URL('../fixtures/ses-lambda-event.json', import.meta.url);
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:Onward-Alarms0A1B2C';
const TOKENS = ['tokena', 'tokenb', 'tokenc'];

interface World {
  stack: boolean;
  active: string | null;
  production: boolean;
  identity: boolean;
  subscription: string;
  /** SES hands the sent test message to onward's inbound handler. */
  delivers: boolean;
  actions: string[];
}
const world: World = {
  stack: true,
  active: 'Onward-rules',
  production: true,
  identity: true,
  subscription: 'arn:aws:sns:eu-west-1:111122223333:Onward-Alarms0A1B2C:1f2e',
  delivers: true,
  actions: [],
};
const GOOD = { ...world };

let t: TestStack;
let receive: Composition;
let base = '';

async function deliverToOnward(raw: Buffer, source: string) {
  const { messageId } = await storeForSes(raw, source, [INBOUND]);
  const event = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const record = event.Records[0].ses;
  record.mail.messageId = messageId;
  record.mail.source = source;
  record.receipt.recipients = [INBOUND];
  record.receipt.dmarcVerdict = { status: 'GRAY' };
  await handleSesEvent(async () => receive, event);
}

const xml = (res: http.ServerResponse, body: string) => {
  res.setHeader('content-type', 'text/xml');
  res.end(body);
};

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', async () => {
    if (req.method === 'GET' && req.url === '/v2/email/account') {
      world.actions.push('GetAccount');
      res.end(JSON.stringify({ ProductionAccessEnabled: world.production, SendingEnabled: true }));
      return;
    }
    if (req.method === 'GET' && req.url?.startsWith('/v2/email/identities/')) {
      world.actions.push('GetEmailIdentity');
      if (!world.identity) {
        res.statusCode = 404;
        res.setHeader('x-amzn-errortype', 'NotFoundException');
        res.end(JSON.stringify({ message: 'Email identity does not exist.' }));
        return;
      }
      res.end(
        JSON.stringify({ VerifiedForSendingStatus: true, DkimAttributes: { Status: 'SUCCESS', Tokens: TOKENS } }),
      );
      return;
    }
    const form = new URLSearchParams(body);
    const action = form.get('Action') ?? '';
    world.actions.push(action);
    if (action === 'DescribeStacks') {
      if (!world.stack) {
        res.statusCode = 400;
        xml(
          res,
          '<ErrorResponse><Error><Code>ValidationError</Code><Message>Stack does not exist</Message></Error></ErrorResponse>',
        );
        return;
      }
      const outputs = {
        InboundAddress: INBOUND,
        SenderAddress: t.config.senderAddress,
        ReceiptRuleSetName: 'Onward-rules',
        AlarmTopicArn: TOPIC,
        CasesTableName: receive.config.tableName,
      };
      xml(
        res,
        `<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>Onward</StackName><StackStatus>UPDATE_COMPLETE</StackStatus><Outputs>${Object.entries(
          outputs,
        )
          .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
          .join('')}</Outputs></member></Stacks></DescribeStacksResult></DescribeStacksResponse>`,
      );
    } else if (action === 'DescribeActiveReceiptRuleSet') {
      xml(
        res,
        `<DescribeActiveReceiptRuleSetResponse><DescribeActiveReceiptRuleSetResult>${world.active ? `<Metadata><Name>${world.active}</Name></Metadata>` : ''}</DescribeActiveReceiptRuleSetResult></DescribeActiveReceiptRuleSetResponse>`,
      );
    } else if (action === 'ListSubscriptionsByTopic') {
      xml(
        res,
        `<ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult><Subscriptions><member><SubscriptionArn>${world.subscription}</SubscriptionArn><Protocol>email</Protocol><Endpoint>me@example.com</Endpoint><TopicArn>${TOPIC}</TopicArn></member></Subscriptions></ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>`,
      );
    } else if (action === 'SendRawEmail') {
      const raw = Buffer.from(form.get('RawMessage.Data') ?? '', 'base64');
      xml(
        res,
        '<SendRawEmailResponse><SendRawEmailResult><MessageId>out-1</MessageId></SendRawEmailResult></SendRawEmailResponse>',
      );
      if (world.delivers) await deliverToOnward(raw, t.config.senderAddress);
    } else {
      res.statusCode = 400;
      xml(res, '<ErrorResponse><Error><Code>InvalidAction</Code><Message>?</Message></Error></ErrorResponse>');
    }
  });
});

const resolver: Resolver & { mx: string[]; cnames: string[]; dmarc: boolean } = {
  mx: ['inbound-smtp.eu-west-1.amazonaws.com.'],
  cnames: TOKENS,
  dmarc: true,
  async resolveMx(domain) {
    if (domain !== 'onward.localhost') throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return resolver.mx.map((exchange) => ({ exchange, priority: 10 }));
  },
  async resolveCname(name) {
    const token = name.split('.')[0]!;
    if (!resolver.cnames.includes(token)) throw Object.assign(new Error('ENODATA'), { code: 'ENODATA' });
    return [`${token}.dkim.amazonses.com`];
  },
  async resolveTxt(name) {
    if (name === '_dmarc.example.com' && resolver.dmarc) return [['v=DMARC1; p=none']];
    throw Object.assign(new Error('ENODATA'), { code: 'ENODATA' });
  },
};

function deps(over: Partial<DoctorDeps> = {}): DoctorDeps {
  const env = {
    ...process.env,
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_CLOUDFORMATION: base,
    AWS_ENDPOINT_URL_SES: base,
    AWS_ENDPOINT_URL_SESV2: base,
    AWS_ENDPOINT_URL_SNS: base,
  };
  return {
    stackName: 'Onward',
    region: 'eu-west-1',
    aws: {
      cloudformation: awsHttp('cloudformation', env),
      ses: awsHttp('ses', env),
      sesv2: awsHttp('sesv2', env),
      sns: awsHttp('sns', env),
      // The cases table is the emulator's.
      dynamodb: awsHttp('dynamodb', process.env),
    },
    resolver,
    waitMs: 5000,
    pollMs: 50,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: () => Date.now(),
    ...over,
  };
}

beforeAll(async () => {
  t = await startTestStack();
  receive = await compose({ ...process.env, ONWARD_REQUIRE_DMARC: 'true' }, { parser: { parse: parseMime } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  server.close();
  await t?.stop();
});
beforeEach(() => {
  Object.assign(world, GOOD, { actions: [] });
  Object.assign(resolver, { mx: ['inbound-smtp.eu-west-1.amazonaws.com.'], cnames: TOKENS, dmarc: true });
});

describe('onward doctor', () => {
  it('on a healthy stack: every check passes, and the test message goes through SES into onward’s cases', async () => {
    const findings = await doctor(deps());
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual([
      'stack',
      'MX record',
      'DKIM',
      'receipt rule set',
      'SES sending',
      'alarm subscription',
      'your domain’s DMARC',
      'test message',
    ]);
    const seen = findings.at(-1)!.detail;
    // SES's verdicts on it, as the inbound handler recorded them.
    expect(seen).toMatch(
      /received and recorded by onward after \d+ s \(SES saw SPF PASS, DKIM PASS, DMARC GRAY, spam PASS, virus PASS\)/,
    );
    expect(report(findings)).toContain('Everything onward needs is in place.');
  }, 30_000);

  it('names each problem with the command that fixes it', async () => {
    Object.assign(world, {
      active: 'their-rules',
      production: false,
      subscription: 'PendingConfirmation',
      delivers: false,
    });
    Object.assign(resolver, { mx: ['mx.mailprovider.example.'], cnames: ['tokena'], dmarc: false });
    const findings = await doctor(deps({ waitMs: 300 }));
    const byCheck = Object.fromEntries(findings.map((f) => [f.check, f]));
    expect(findings.filter((f) => !f.ok).map((f) => f.check)).toEqual([
      'MX record',
      'DKIM',
      'receipt rule set',
      'SES sending',
      'alarm subscription',
      'your domain’s DMARC',
      'test message',
    ]);
    expect(byCheck['MX record']!.fix).toBe(
      'publish exactly one MX record:  onward.localhost.  MX  10 inbound-smtp.eu-west-1.amazonaws.com',
    );
    expect(byCheck.DKIM!.fix).toContain('tokenb._domainkey.onward.localhost.  CNAME  tokenb.dkim.amazonses.com');
    expect(byCheck['receipt rule set']!.fix).toContain(
      'aws ses set-active-receipt-rule-set --rule-set-name Onward-rules --region eu-west-1',
    );
    expect(byCheck['receipt rule set']!.fix).toContain('-c ruleSetName=their-rules');
    expect(byCheck['SES sending']!.detail).toContain('sandbox');
    expect(byCheck['alarm subscription']!.fix).toContain(
      `aws sns subscribe --topic-arn ${TOPIC} --protocol email --notification-endpoint me@example.com`,
    );
    expect(byCheck['your domain’s DMARC']!.fix).toContain('_dmarc.example.com.  TXT  "v=DMARC1; p=none"');
    expect(byCheck['test message']!.detail).toContain('had not recorded it');
    expect(report(findings)).toContain('7 problems found.');
  }, 30_000);

  it('says how to create the SES identity when there is none', async () => {
    world.identity = false;
    const findings = await doctor(deps(), { send: false });
    expect(findings.find((f) => f.check === 'DKIM')!.fix).toContain(
      'aws sesv2 create-email-identity --email-identity onward.localhost --region eu-west-1',
    );
    expect(world.actions).not.toContain('SendRawEmail');
  });

  it('without the stack, says so and checks nothing else', async () => {
    world.stack = false;
    const findings = await doctor(deps());
    expect(findings).toEqual([expect.objectContaining({ ok: false, check: 'stack' })]);
    expect(findings[0]!.detail).toContain('ValidationError');
    expect(world.actions).toEqual(['DescribeStacks']);
  });
});

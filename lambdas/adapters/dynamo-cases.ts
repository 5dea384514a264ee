// Cases in DynamoDB: one item per inbound message, keyed by SES's message id. Every status change
// is a single conditional update (dynalite has no transactions, and none are needed).
// Spoken in DynamoDB's JSON protocol; dynamo-json.ts converts items, as the document client did.
import { randomUUID } from 'node:crypto';
import { marshall, unmarshall, type WireItem } from './dynamo-json.ts';
import {
  assertFollowUpTransitions,
  assertTransitions,
  type Case,
  type CaseStatus,
  originalFingerprints,
  type TemplateLabel,
} from '../core/case/index.ts';
import type { CaseEraser, CaseRepository, ReplyLookup } from '../workflow/ports.ts';
import { AwsError, callJson, type AwsHttp } from './aws-http.ts';

/** The index the Cases page reads: every case under one partition, newest first. */
export const CASES_INDEX = { name: 'byReceived', partitionKey: 'listed', sortKey: 'receivedAt' } as const;
const LISTED = 'case';
/** Ids of the items naming which case holds an email; no SES message id looks like this. */
// Stryker disable next-line StringLiteral: a fingerprint alone does not look like an SES message id either; the prefix says what the item is.
const ORIGINAL_PREFIX = 'original#';
/** Ids of the items naming which case told the owner about a refusal on a day. */
const NOTICE_PREFIX = 'notice#';
/** Ids of the items holding the owner's verdict on an email template. */
const TEMPLATE_PREFIX = 'template#';
/** The id of the item holding the owner's switch for all follow-ups. */
const FOLLOW_UPS_SWITCH = 'switch#follow-ups';

/** `writeId` names the last write, so a retry can tell its own lost success from a real conflict. */
type Item = Case & { listed?: string; writeId?: string };

function toCase(item: WireItem | undefined): Case | null {
  if (!item) return null;
  const { listed: _listed, writeId: _writeId, ...rest } = unmarshall(item) as unknown as Item;
  return rest;
}

// An undefined field is left out (and removed by an update), as the document client was told to.
const toWire = (values: object): WireItem => marshall(values);

/** Null when the condition failed. */
async function conditional<T>(attempt: () => Promise<T>): Promise<T | null> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ConditionalCheckFailedException') return null;
    throw error;
  }
}

/** DynamoDB's JSON protocol for one table: an operation, and the pages of a Query or Scan. */
function tableClient(dynamodb: AwsHttp, table: string) {
  const call = <T>(operation: string, input: Record<string, unknown>) =>
    callJson<T>(dynamodb, '1.0', `DynamoDB_20120810.${operation}`, input);
  /**
   * The items of every page of a Query or Scan, page by page: a page is at most a megabyte, and
   * its last key, passed back as it came (already in wire form), asks for the next. `input` is
   * asked again for each page (a list's Limit shrinks); the caller stops when it has enough.
   */
  async function* pages(operation: 'Query' | 'Scan', input: () => Record<string, unknown>) {
    let start: WireItem | undefined;
    do {
      const page = await call<{ Items?: WireItem[]; LastEvaluatedKey?: WireItem }>(operation, {
        TableName: table,
        ...input(),
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      // Stryker disable next-line ArrayDeclaration: DynamoDB answers every Query and Scan with Items, if empty.
      yield page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return { call, pages };
}

export function dynamoCaseRepository(dynamodb: AwsHttp, table: string): CaseRepository {
  const { call, pages } = tableClient(dynamodb, table);
  const read = async (id: string) =>
    (await call<{ Item?: WireItem }>('GetItem', { TableName: table, Key: toWire({ id }), ConsistentRead: true })).Item;

  /**
   * A conditional write whose first answer was lost (a timeout, a 5xx) is retried and then fails
   * its own condition. Each write carries a fresh writeId; when the condition fails and the item
   * holds ours, the write did happen — otherwise a drafted case would never be mailed and a
   * claimed letter never sent.
   */
  async function ownWrite(
    id: string,
    writeId: string,
    attempt: () => Promise<WireItem | undefined>,
  ): Promise<Case | null> {
    const written = await conditional(attempt);
    if (written !== null) return toCase(written);
    const item = await read(id);
    return item && unmarshall(item).writeId === writeId ? toCase(item) : null;
  }

  async function write(
    id: string,
    status: CaseStatus,
    condition: { from: readonly CaseStatus[] },
    changes: Partial<Case>,
  ) {
    const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt' };
    const writeId = randomUUID();
    names['#writeId'] = 'writeId';
    const values: Record<string, unknown> = {
      ':status': status,
      ':updatedAt': new Date().toISOString(),
      ':writeId': writeId,
    };
    const sets = ['#status = :status', '#updatedAt = :updatedAt', '#writeId = :writeId'];
    const removes: string[] = [];
    Object.entries(changes).forEach(([key, value], i) => {
      if (key === 'id' || key === 'status' || key === 'updatedAt') return;
      names[`#f${i}`] = key;
      if (value === undefined) removes.push(`#f${i}`);
      else {
        values[`:f${i}`] = value;
        sets.push(`#f${i} = :f${i}`);
      }
    });
    const froms = condition.from.map((s, i) => {
      values[`:from${i}`] = s;
      return `:from${i}`;
    });
    return ownWrite(id, writeId, async () => {
      const result = await call<{ Attributes?: WireItem }>('UpdateItem', {
        TableName: table,
        Key: toWire({ id }),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `attribute_exists(id) AND #status IN (${froms.join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: toWire(values),
        ReturnValues: 'ALL_NEW',
      });
      return result.Attributes;
    });
  }

  return {
    async get(id) {
      return toCase(await read(id));
    },
    async create(record) {
      const item: Item = { ...record, listed: LISTED, writeId: randomUUID() };
      const wire = toWire(item);
      const done = await ownWrite(record.id, item.writeId!, async () => {
        await call('PutItem', { TableName: table, Item: wire, ConditionExpression: 'attribute_not_exists(id)' });
        return wire;
      });
      return done !== null;
    },
    // Which case holds an email (by fingerprint): a small item of its own beside the cases, never
    // listed (it has no `listed`), so a second forward is found with one keyed read.
    async claimOriginal(fingerprint, caseId) {
      const key = `${ORIGINAL_PREFIX}${fingerprint}`;
      const put = await conditional(() =>
        call('PutItem', {
          TableName: table,
          Item: toWire({ id: key, caseId }),
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
      if (put !== null) return caseId;
      const held = await read(key);
      // A lost first answer to our own put reads back as ours.
      return held ? String(unmarshall(held).caseId) : caseId;
    },
    // Like claimOriginal: a small unlisted item, claimed with a conditional put, gone by TTL.
    async claimNotice(key, caseId, expiresAt) {
      const id = `${NOTICE_PREFIX}${key}`;
      const put = await conditional(() =>
        call('PutItem', {
          TableName: table,
          Item: toWire({ id, caseId, expiresAt }),
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
      if (put !== null) return caseId;
      const held = await read(id);
      return held ? String(unmarshall(held).caseId) : caseId;
    },
    async passOriginal(fingerprint, holder, caseId) {
      const passed = await conditional(() =>
        call('UpdateItem', {
          TableName: table,
          Key: toWire({ id: `${ORIGINAL_PREFIX}${fingerprint}` }),
          UpdateExpression: 'SET caseId = :to',
          ConditionExpression: 'caseId = :holder',
          ExpressionAttributeValues: toWire({ ':to': caseId, ':holder': holder }),
        }),
      );
      return passed !== null;
    },
    // The owner's verdict on a template: like the originals, a small unlisted item of its own, so
    // each inbound email finds it with one keyed read.
    async templateLabel(fingerprint) {
      const item = await read(`${TEMPLATE_PREFIX}${fingerprint}`);
      if (!item) return null;
      const { label, at, how, caseId } = unmarshall(item) as unknown as TemplateLabel;
      return { label, at, how, caseId };
    },
    async labelTemplate(fingerprint, { label, at, how, caseId }) {
      // The owner's latest word stands: a slower write of an earlier verdict does not undo it.
      await conditional(() =>
        call('PutItem', {
          TableName: table,
          Item: toWire({ id: `${TEMPLATE_PREFIX}${fingerprint}`, label, at, how, caseId }),
          ConditionExpression: 'attribute_not_exists(id) OR #at <= :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: toWire({ ':at': at }),
        }),
      );
    },
    transition: async (id, from, to, changes) => {
      // A move the state machine does not draw is a bug: refused before it reaches the table.
      assertTransitions(from, to);
      return write(id, to, { from }, changes);
    },
    update: (id, status, changes) => write(id, status, { from: [status] }, changes),
    // The follow-up's own fields are written one by one (SET followUp.x), never the whole map from
    // an earlier read, under a condition on its status and round: the claim that makes it leave once.
    async transitionFollowUp(id, round, from, to, changes) {
      assertFollowUpTransitions(from, to);
      const writeId = randomUUID();
      const names: Record<string, string> = {
        '#status': 'status',
        '#updatedAt': 'updatedAt',
        '#writeId': 'writeId',
        '#fu': 'followUp',
        '#fstatus': 'status',
        '#round': 'round',
      };
      const values: Record<string, unknown> = {
        ':sent': 'SENT',
        ':to': to,
        ':round': round,
        ':updatedAt': new Date().toISOString(),
        ':writeId': writeId,
      };
      const sets = ['#updatedAt = :updatedAt', '#writeId = :writeId', '#fu.#fstatus = :to'];
      const removes: string[] = [];
      Object.entries(changes).forEach(([key, value], i) => {
        if (key === 'status') return;
        names[`#g${i}`] = key;
        if (value === undefined) removes.push(`#fu.#g${i}`);
        else {
          values[`:g${i}`] = value;
          sets.push(`#fu.#g${i} = :g${i}`);
        }
      });
      const froms = from.map((s, i) => {
        values[`:from${i}`] = s;
        return `:from${i}`;
      });
      return ownWrite(id, writeId, async () => {
        const result = await call<{ Attributes?: WireItem }>('UpdateItem', {
          TableName: table,
          Key: toWire({ id }),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: `#status = :sent AND #fu.#round = :round AND #fu.#fstatus IN (${froms.join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: toWire(values),
          ReturnValues: 'ALL_NEW',
        });
        return result.Attributes;
      });
    },
    // One small unlisted item, like the templates': absent means on.
    async followUpsOn() {
      const item = await read(FOLLOW_UPS_SWITCH);
      return !item || unmarshall(item).on !== false;
    },
    async switchFollowUps(on, at) {
      await call('PutItem', { TableName: table, Item: toWire({ id: FOLLOW_UPS_SWITCH, on, at }) });
    },
    async list(options = {}) {
      const cases: Case[] = [];
      const limit = options.limit ?? 500;
      const listed = pages('Query', () => ({
        IndexName: CASES_INDEX.name,
        KeyConditionExpression: '#listed = :listed',
        ExpressionAttributeNames: {
          '#listed': CASES_INDEX.partitionKey,
          ...(options.status ? { '#status': 'status' } : {}),
        },
        ExpressionAttributeValues: toWire({
          ':listed': LISTED,
          ...(options.status ? { ':status': options.status } : {}),
        }),
        ...(options.status ? { FilterExpression: '#status = :status' } : {}),
        ScanIndexForward: false,
        // Read no more than asked for: without a Limit every page is up to a megabyte of cases.
        Limit: limit - cases.length,
      }));
      for await (const items of listed) {
        for (const item of items) {
          const c = toCase(item);
          if (c) cases.push(c);
        }
        if (cases.length >= limit) break;
      }
      return cases.slice(0, limit);
    },
  };
}

/** Finding the case a reply answers: the replies function's alone (ports.ts). */
export function dynamoReplyLookup(dynamodb: AwsHttp, table: string): ReplyLookup {
  const { pages } = tableClient(dynamodb, table);
  return {
    async findByReplyRef(ref) {
      // Filters the owner's own case list, every page: a person has hundreds of cases, not
      // millions (set-aside mail expires by TTL), and replies are rare, so a second index would
      // cost more than it saves.
      const found = pages('Query', () => ({
        IndexName: CASES_INDEX.name,
        KeyConditionExpression: '#listed = :listed',
        // The thank-you's draft email, or its follow-up's.
        FilterExpression: '#replyRef = :ref OR #followUp.#replyRef = :ref',
        ExpressionAttributeNames: {
          '#listed': CASES_INDEX.partitionKey,
          '#replyRef': 'replyRef',
          '#followUp': 'followUp',
        },
        ExpressionAttributeValues: toWire({ ':listed': LISTED, ':ref': ref }),
      }));
      for await (const [item] of found) if (item) return toCase(item);
      return null;
    },
  };
}

/** Deleting cases and the owner's template verdicts: the review site's alone (ports.ts). */
export function dynamoCaseEraser(dynamodb: AwsHttp, table: string): CaseEraser {
  const { call, pages } = tableClient(dynamodb, table);
  return {
    async forgetTemplates() {
      // The verdicts are in no index (nothing lists them but this): one pass over the table, ids
      // only, the only Scan onward makes — for the owner's "Delete everything", not per email.
      let forgotten = 0;
      const verdicts = pages('Scan', () => ({
        ProjectionExpression: 'id',
        FilterExpression: 'begins_with(id, :template)',
        ExpressionAttributeValues: toWire({ ':template': TEMPLATE_PREFIX }),
      }));
      for await (const keys of verdicts)
        for (const Key of keys) {
          await call('DeleteItem', { TableName: table, Key });
          forgotten += 1;
        }
      return forgotten;
    },
    async remove(record, statuses) {
      const values: Record<string, unknown> = {};
      const allowed = statuses.map((s, i) => {
        values[`:s${i}`] = s;
        return `:s${i}`;
      });
      const removed = await conditional(() =>
        call('DeleteItem', {
          TableName: table,
          Key: toWire({ id: record.id }),
          ConditionExpression: `#status IN (${allowed.join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: toWire(values),
        }),
      );
      if (removed === null) return false;
      // The items naming it as the holder of its email are keyed by a hash of its sender, subject
      // and opening: they go with it, unless another case holds that email now.
      const keys = record.original ? originalFingerprints(record.original) : null;
      for (const fingerprint of [keys?.id, keys?.text].filter((k): k is string => Boolean(k))) {
        await conditional(() =>
          call('DeleteItem', {
            TableName: table,
            Key: toWire({ id: `${ORIGINAL_PREFIX}${fingerprint}` }),
            ConditionExpression: 'caseId = :id',
            ExpressionAttributeValues: toWire({ ':id': record.id }),
          }),
        );
      }
      return true;
    },
  };
}

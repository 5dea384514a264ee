// Cases in DynamoDB: one item per inbound message, keyed by SES's message id. Every status change
// is a single conditional update (dynalite has no transactions, and none are needed).
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseStatus } from '../core/case.ts';
import type { CaseRepository } from '../workflow/ports.ts';

/** The index the Cases page reads: every case under one partition, newest first. */
export const CASES_INDEX = { name: 'byReceived', partitionKey: 'listed', sortKey: 'receivedAt' } as const;
const LISTED = 'case';

type Item = Case & { listed?: string };

function toCase(item: Record<string, unknown> | undefined): Case | null {
  if (!item) return null;
  const { listed: _listed, ...rest } = item as unknown as Item;
  return rest;
}

async function conditional<T>(attempt: () => Promise<T>): Promise<T | null> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

export function dynamoCaseRepository(client: DynamoDBClient, table: string): CaseRepository {
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

  async function write(id: string, status: CaseStatus, condition: { from: readonly CaseStatus[] }, changes: Partial<Case>) {
    const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':status': status, ':updatedAt': new Date().toISOString() };
    const sets = ['#status = :status', '#updatedAt = :updatedAt'];
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
    const result = await conditional(() =>
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: { id },
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: `attribute_exists(id) AND #status IN (${froms.join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return result ? toCase(result.Attributes) : null;
  }

  return {
    async get(id) {
      const result = await db.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
      return toCase(result.Item);
    },
    async create(record) {
      const item: Item = { ...record, listed: LISTED };
      const done = await conditional(() =>
        db.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(id)' })),
      );
      return done !== null;
    },
    transition: (id, from, to, changes) => write(id, to, { from }, changes),
    update: (id, status, changes) => write(id, status, { from: [status] }, changes),
    async findByReplyRef(ref) {
      // Scans the owner's own case list: a person has hundreds of cases, not millions, and
      // replies are rare, so a second index would cost more than it saves.
      const matches = (await this.list({ limit: 5000 })).filter((c) => c.replyRef === ref);
      return matches[0] ?? null;
    },
    async list(options = {}) {
      const cases: Case[] = [];
      let start: Record<string, unknown> | undefined;
      const limit = options.limit ?? 500;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            IndexName: CASES_INDEX.name,
            KeyConditionExpression: '#listed = :listed',
            ExpressionAttributeNames: { '#listed': CASES_INDEX.partitionKey, ...(options.status ? { '#status': 'status' } : {}) },
            ExpressionAttributeValues: { ':listed': LISTED, ...(options.status ? { ':status': options.status } : {}) },
            ...(options.status ? { FilterExpression: '#status = :status' } : {}),
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const c = toCase(item);
          if (c) cases.push(c);
        }
        start = page.LastEvaluatedKey;
      } while (start && cases.length < limit);
      return cases.slice(0, limit);
    },
  };
}

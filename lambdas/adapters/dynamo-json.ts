// DynamoDB's JSON protocol for the values onward stores: strings, numbers, booleans, null, lists
// and maps. Written here instead of importing @aws-sdk/util-dynamodb (5 KB bundled) so that the
// inbound function stays under its 256 KB budget; the adapter tests run it against dynalite.

/** An attribute value as the wire carries it: `{ S: "…" }`, `{ N: "3" }`, `{ M: {…} }` … */
type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

export type WireItem = Record<string, AttributeValue>;

function toAttribute(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot store the number ${value}`);
      return { N: String(value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value)
        ? { L: value.filter((v) => v !== undefined).map(toAttribute) }
        : { M: marshall(value as Record<string, unknown>) };
    default:
      throw new TypeError(`cannot store a ${typeof value}`);
  }
}

/** An object as an item; undefined fields are left out (an update then removes them). */
// Built with Object.fromEntries: a field named "__proto__" stays a field, never a prototype.
export function marshall(values: object): WireItem {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, toAttribute(value)]),
  );
}

function fromAttribute(a: AttributeValue): unknown {
  if ('S' in a) return a.S;
  if ('N' in a) return Number(a.N);
  if ('BOOL' in a) return a.BOOL;
  if ('NULL' in a) return null;
  if ('L' in a) return a.L.map(fromAttribute);
  if ('M' in a) return unmarshall(a.M);
  throw new TypeError(`an attribute of a type onward never stores: ${Object.keys(a).join(', ')}`);
}

export function unmarshall(item: WireItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([key, a]) => [key, fromAttribute(a)]));
}

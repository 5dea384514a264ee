import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marshall, unmarshall } from '../../lambdas/adapters/dynamo-json.ts';

/** What onward stores: strings, finite numbers, booleans, null, and lists and maps of them. */
const stored = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    tie('map'),
  ),
  map: fc.dictionary(fc.string(), tie('value')),
})).map as fc.Arbitrary<Record<string, unknown>>;

describe('DynamoDB JSON', () => {
  it('reads back every item it writes', () => {
    fc.assert(
      fc.property(stored, (values) => {
        expect(unmarshall(marshall(values))).toEqual(values);
      }),
    );
  });

  it('writes the protocol DynamoDB reads', () => {
    expect(marshall({ id: 'a', n: 3, ok: true, none: null, list: ['x', 1], map: { y: false } })).toEqual({
      id: { S: 'a' },
      n: { N: '3' },
      ok: { BOOL: true },
      none: { NULL: true },
      list: { L: [{ S: 'x' }, { N: '1' }] },
      map: { M: { y: { BOOL: false } } },
    });
  });

  it('leaves out undefined fields, so an update removes them', () => {
    expect(marshall({ id: 'a', gone: undefined })).toEqual({ id: { S: 'a' } });
  });

  it('refuses what it could not read back', () => {
    expect(() => marshall({ n: Number.NaN })).toThrow(/cannot store the number NaN/);
    expect(() => marshall({ f: () => 1 })).toThrow(/cannot store a function/);
    expect(() => unmarshall({ b: { B: 'AA==' } as never })).toThrow(/never stores: B/);
  });
});

// The bundle's stand-in for postal-mime's Blob round trip must give the very bytes the Blob does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinChunks } from '../../lambdas/adapters/mime-chunks.ts';

const chunk = fc.oneof(
  fc.string({ unit: 'binary' }), // lone surrogates included: both write them as U+FFFD
  fc.uint8Array({ maxLength: 40 }).map((b) => b.buffer as ArrayBuffer),
  // A view into a larger buffer, as postal-mime's line slices are.
  fc
    .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat())
    .map(([b, i, j]) => b.subarray(Math.min(i, j) % b.length, Math.max(i, j) % (b.length + 1))),
);

describe('joinChunks', () => {
  it('holds the bytes a Blob of the same pieces holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 12 }), async (chunks) => {
        const joined = await joinChunks(chunks);
        const blob = await new Blob(chunks as ConstructorParameters<typeof Blob>[0]).arrayBuffer();
        expect(new Uint8Array(joined)).toEqual(new Uint8Array(blob));
        expect(joined.byteLength).toBe(blob.byteLength);
      }),
      { numRuns: 500 },
    );
  });
});

// Raw messages as SES's S3 action stores them. The size is checked from the response headers
// before the body is read, so an oversized message is never pulled into memory.
import type { RawMail, RawMailEraser, RawMailStore, RawMailWriter } from '../workflow/ports.ts';
import type { AwsHttp } from './aws-http.ts';

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Reads at most maxBytes + 1 bytes: a missing or wrong Content-Length must not defeat the cap. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<RawMail> {
  if (!body) return { tooLarge: false, bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      // At least this large: the rest was never read.
      return { tooLarge: true, size };
    }
    chunks.push(value);
  }
  return { tooLarge: false, bytes: Buffer.concat(chunks) };
}

/**
 * `pathStyle` puts the bucket in the path (`/bucket/key`), which S3 emulators need; otherwise it
 * is in the host name (`bucket.s3.<region>.amazonaws.com`), as AWS prefers.
 */
export function s3RawMailStore(
  s3: AwsHttp,
  bucket: string,
  options: { pathStyle: boolean },
): RawMailStore & RawMailEraser & RawMailWriter {
  const location = (key: string) =>
    options.pathStyle
      ? { path: `/${encodeURIComponent(bucket)}/${encodeKey(key)}` }
      : { subdomain: bucket, path: `/${encodeKey(key)}` };
  return {
    read(key, maxBytes) {
      return s3.send({ method: 'GET', ...location(key) }, async (response) => {
        const size = Number(response.headers.get('content-length') ?? 0);
        if (size > maxBytes) {
          await response.body?.cancel();
          return { tooLarge: true, size };
        }
        return readCapped(response.body, maxBytes);
      });
    },
    // A pasted rejection, as the owner typed it: a repeated PUT of the same key writes the same text.
    write(key, text) {
      return s3.send(
        { method: 'PUT', ...location(key), headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text },
        async (response) => {
          await response.body?.cancel();
        },
      );
    },
    // S3 answers 204 whether or not the key held anything: deleting twice is deleting once.
    delete(key) {
      return s3.send({ method: 'DELETE', ...location(key) }, async (response) => {
        await response.body?.cancel();
      });
    },
  };
}

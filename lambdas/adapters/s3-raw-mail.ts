// Raw messages as SES's S3 action stores them. The size is checked from the response headers
// before the body is read, so an oversized message is never pulled into memory.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMail, RawMailStore } from '../workflow/ports.ts';

export function s3RawMailStore(s3: S3Client, bucket: string): RawMailStore {
  return {
    async read(key, maxBytes) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const size = object.ContentLength ?? 0;
      if (size > maxBytes) {
        object.Body?.transformToWebStream().cancel().catch(() => undefined);
        return { tooLarge: true, size } satisfies RawMail;
      }
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      // A missing or wrong Content-Length must not defeat the cap.
      if (bytes.length > maxBytes) return { tooLarge: true, size: bytes.length };
      return { tooLarge: false, bytes };
    },
  };
}

// postal-mime joins the decoded pieces of each MIME part by building a Blob of them and reading it
// back (its decoders' finalize). On Node (20 and 24 alike) that round trip costs ~50 µs an email
// in the whole pipeline (~15 µs of parsing alone), for a copy. The deployed bundle has the
// decoders call this instead (lib/bundle-function.ts): the same bytes, joined in place.

/** The bytes a Blob of `chunks` holds (strings as UTF-8, as Blob encodes them), in a buffer of their own. */
export const joinChunks = async (chunks: readonly (string | ArrayBuffer | Uint8Array)[]): Promise<ArrayBuffer> =>
  // Buffer.concat may return a view of a shared pool: the copy owns its bytes alone.
  new Uint8Array(
    Buffer.concat(
      chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c instanceof ArrayBuffer ? new Uint8Array(c) : c)),
    ),
  ).buffer;

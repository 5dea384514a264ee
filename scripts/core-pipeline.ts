// What on-mail-received does to one message in memory — parse (adapters/mime.ts) → unwrap →
// classify → extract → draft — as a module of its own, so that scripts/bench-core.ts can time it
// as the functions ship it: bundled by lib/bundle-function.ts. Beside it, its yardstick: parsing
// alone with postal-mime, bundled the same way (the bundle's postal-mime is not node_modules').
import PostalMime from 'postal-mime';
import { parseMime } from '../lambdas/adapters/mime.ts';
import { draftLetter } from '../lambdas/core/letter/index.ts';
import { readRejection } from '../lambdas/core/reading/index.ts';

const OWNER_NAME = 'Job Seeker';
/** The owner's and onward's addresses, as on-mail-received passes them. */
const OWN_ADDRESSES = ['owner@example.com', 'inbox@onward.example'];

export async function pipeline(raw: Uint8Array): Promise<unknown> {
  const { original, classification, extraction } = readRejection(await parseMime(raw), OWN_ADDRESSES);
  return classification.verdict === 'rejection'
    ? draftLetter({ ownerName: OWNER_NAME, original, extraction, kind: classification.kind })
    : classification;
}

/** postal-mime's parse and nothing else. */
export const parseAlone = (raw: Uint8Array): Promise<unknown> => PostalMime.parse(raw);

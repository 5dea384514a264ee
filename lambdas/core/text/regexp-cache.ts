// Patterns built from an email's own words (a surname, a company, a domain) are built again for
// every email that names them: the same few names come back, so each is kept once built. The
// patterns are used without the g or y flag, so a shared one carries no state between searches.

const MAX = 512;
const built = new Map<string, RegExp>();

/** `new RegExp(source, flags)`, built once for each source and flags (without g or y). */
export function regExpFor(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = built.get(key);
  if (re === undefined) {
    // A bound on memory for a long-running process: start afresh rather than track use.
    if (built.size >= MAX) built.clear();
    re = new RegExp(source, flags);
    built.set(key, re);
  }
  return re;
}

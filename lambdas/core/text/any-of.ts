// Several patterns searched as one: text the one does not match matches none of them, so most
// text is passed over with one search instead of one per pattern.

/**
 * The patterns as one search ignoring case, for patterns whose every alternative starts with \b
 * and a letter (or with an apostrophe: "'ll") and none of which refers back to a group. Said once
 * in front, that start has the search try the alternatives where a word starts, not at every
 * character: the same matches, up to twice as fast on mail (the more alternatives, the more).
 */
export const anyOf = (patterns: readonly RegExp[]): RegExp =>
  new RegExp(`(?=\\b[a-z]|')(?:${patterns.map((re) => `(?:${re.source})`).join('|')})`, 'i');

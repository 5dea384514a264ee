// `for (const m of text.matchAll(re))` clones the regex on every call (~0.5 µs, more than most
// of the searches it starts on a short text); the core runs a dozen such searches per email.

/** Calls `each` with every match of the global regex `re` in `text`, as matchAll would list them. */
export function eachMatch(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // An empty match does not move lastIndex: step over it (a whole code point under /u).
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode);
      each(m);
    }
  } finally {
    re.lastIndex = 0;
  }
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}

/** How many times the character with code `code` occurs in `s`. */
export function countChar(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

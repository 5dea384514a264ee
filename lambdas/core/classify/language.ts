// The classifier's phrases are English. A German or French rejection would match none of them and
// come out as a confident "not a rejection" — wrong, and silently so. Counting common function
// words tells us when the text is mostly in another language, so the verdict can be "unsure".

const ENGLISH = new Set(
  'the and you your we to for of in with is that this not have be our are will thank thanks at on as it was has been would from an or if please'.split(
    ' ',
  ),
);

/** Function words of languages job seekers commonly receive mail in, none of them English words. */
const OTHER = new Map<string, Set<string>>([
  [
    'de',
    new Set(
      'und der die das ich wir sie ihre ihr ihnen nicht leider für mit bewerbung uns eine einen einer ist haben wurde vielen dank freundlichen grüßen sehr geehrte können'.split(
        ' ',
      ),
    ),
  ],
  [
    'fr',
    new Set(
      'nous vous votre vos et le la les des pas pour une avec est sommes avons malheureusement candidature merci cordialement madame monsieur suite été'.split(
        ' ',
      ),
    ),
  ],
  [
    'es',
    new Set(
      'nosotros usted su sus y el los las que por para una con es hemos lamentablemente candidatura gracias saludos estimado estimada proceso puesto'.split(
        ' ',
      ),
    ),
  ],
  [
    'nl',
    new Set(
      'wij u uw jouw je en het een niet voor met zijn helaas sollicitatie bedankt groet geachte hebben'.split(' '),
    ),
  ],
  [
    'it',
    new Set(
      'noi lei vostra sua il gli di che per una con non siamo purtroppo candidatura grazie cordiali saluti gentile'.split(
        ' ',
      ),
    ),
  ],
  [
    'pt',
    new Set(
      'nós você sua seu os as que por para uma com não somos infelizmente candidatura obrigado obrigada atenciosamente prezado prezada'.split(
        ' ',
      ),
    ),
  ],
]);

const NAMES: Record<string, string> = {
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  nl: 'Dutch',
  it: 'Italian',
  pt: 'Portuguese',
  en: 'English',
};

/** "de" → "German", for the owner's eyes. */
export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

export interface LanguageGuess {
  /** 'en', another code, or null when there are too few words to tell. */
  language: string | null;
  englishWords: number;
  otherWords: number;
}

/** Each function word with the languages it belongs to: one lookup per word of the text. */
const WORDS = new Map<string, { english: boolean; others: string[] }>();
for (const w of ENGLISH) WORDS.set(w, { english: true, others: [] });
for (const [code, set] of OTHER) {
  for (const w of set) {
    const entry = WORDS.get(w) ?? { english: false, others: [] };
    entry.others.push(code);
    WORDS.set(w, entry);
  }
}

/** `words`: the text's words, lower-cased (the classifier's tokens). */
export function guessLanguage(words: Iterable<string>): LanguageGuess {
  let english = 0;
  const counts = new Map<string, number>();
  for (const w of words) {
    const entry = WORDS.get(w);
    if (entry === undefined) continue;
    if (entry.english) english++;
    for (const code of entry.others) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, n] of counts) {
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  // A few stray foreign words ("la", "die") occur in English mail; require the other language to
  // clearly outnumber English before calling the text foreign.
  if (best && bestCount >= 4 && bestCount > english * 2)
    return { language: best, englishWords: english, otherWords: bestCount };
  if (english >= 3) return { language: 'en', englishWords: english, otherWords: bestCount };
  return { language: null, englishWords: english, otherWords: bestCount };
}

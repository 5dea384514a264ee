// Shared word lists and shape tests for names of people, companies and roles. A rejection is
// mostly template text; telling "Sarah Katz" from "Remedy Partners" from "Data Team Intern" by
// shape and a few telling words is what keeps a wrong name out of a letter.

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const STARTS_LIKE_A_NAME = /^[\p{Lu}\p{Script=Han}\p{Script=Hangul}]/u;
const LOWER_WORDS = /^\p{Ll}+(?: \p{Ll}+){1,2}$/u;
const LOWER_WORD_START = /(^|\s)\p{Ll}/gu;
const MARKS = /\p{M}/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** Words that make a phrase a function or an organisation, never a person. */
export const ORG_WORDS = new Set(
  (
    'team teams recruiting recruiter recruiters recruitment talent acquisition aquisition hr human resources careers career jobs job ' +
    'hiring people culture university campus college school institute inc llc ltd limited corp corporation company co group global ' +
    'department office services solutions technologies technology tech labs lab systems partners networks health bank admissions staffing ' +
    'notifications notification support via the your our and of international america north south east west us usa relations programs ' +
    'program events opportunities assessment specialist acquisitions digital media holdings consulting foundation association agency ' +
    'center centre network studios studio games software analytics capital financial insurance realty group bistro restaurant hotel ' +
    'hospital clinic store stores assessments personnel workforce vacancies resourcing'
  ).split(' '),
);

/** Words that end a sign-off rather than name anyone. */
const CLOSING_WORDS = new Set(
  'best regards sincerely thanks thank cheers wishes warmly cordially respectfully yours kind warm care all'.split(' '),
);

/** Job-title words: a phrase containing one names a role, not a company. */
export const ROLE_WORD =
  /\b(?:engineer\w*|developer|intern|internship|analyst|scientist|manager|designer|consultant|specialist|associate|assistant|coordinator|director|lead|architect|administrator|technician|officer|representative|cook|chef|nurse|teacher|accountant|clerk|agent|advisor|adviser|fellow|fellowship|researcher|writer|editor|recruiter|operator|driver|cashier|server|barista|supervisor|executive|trainee|apprentice|graduate|co-op|student|worker|attendant|mechanic|electrician|planner|strategist|producer|artist|therapist|pharmacist|physician|instructor|tutor|counsel+or|receptionist|secretary|programmer|tester|support|sales|marketing|product|data|software|summer|program|programme|position|role|head|chief|vp|staff|member|partner|owner|buyer|auditor|economist|lawyer|paralegal|scholar|studentship|phd|postdoc|surveyor|liaison|negotiator|labou?rer|operatives?|adjuster|merchandiser|marketer|trustee|treasurer|volunteer|caretaker|hygienist|solicitor|lecturer|professor|illustrator|animator|translator|copywriter|estimator|carer|constable|cleaner|inspector|installer|dispatcher|courier|housekeeper|bartender|waiter|waitress|stylist|hairdresser|paramedic|midwife|dentist|surgeon|underwriter|bookkeeper|leader|apprenticeship|placement|scheme|residency|crew|handler|\w+(?:ician|ologist))\b/i;

// Letters of any script: recruiters are called Jürgen, José, Zoë and Łukasz; O'Brien and
// D’Souza with either apostrophe. Han and Hangul have no capitals: a name is two to four of
// their letters (王伟, 김민준).
const PERSON_TOKEN =
  /^(?:\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}{2,}|\p{Lu}\.?|[\p{Script=Han}\p{Script=Hangul}]{2,4}|van|von|de|da|del|der|la|le|di|du|dos|das)$/u;
/**
 * MacDonald, McKenzie, DeShawn, LaToya, VanDyke: a capital after a prefix names are made with —
 * only those: PayPal, HubSpot, FedEx and YouTube have the same shape. It counts only beside
 * another part of a name.
 */
const CAMEL_TOKEN = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Lo|Van|Von|St)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** "Sarah Katz", "JOE BORSARI", "Emily & Kevin", "Jameson", "Fiona MacDonald": a person's name by shape. */
export function looksLikePersonName(raw: string): boolean {
  const name = raw.trim();
  if (name.length < 2 || name.length > 40 || /[\d@:/|]/.test(name)) return false;
  const tokens = name.split(/\s+/).filter((t) => t !== '&' && t.toLowerCase() !== 'and');
  if (tokens.length < 1 || tokens.length > 4) return false;
  let plain = 0;
  for (const t of tokens) {
    const bare = t.replace(/[.,]$/, '');
    const lower = bare.toLowerCase();
    if (ORG_WORDS.has(lower) || CLOSING_WORDS.has(lower)) return false;
    if (PERSON_TOKEN.test(bare)) plain++;
    else if (!CAMEL_TOKEN.test(bare)) return false;
  }
  if (plain === 0) return false;
  // Every token lower-case particles ("van de") is not a name.
  return tokens.some((t) => STARTS_LIKE_A_NAME.test(t));
}

const PRONOUNS = /\s*[([](?:she|he|they|ze|xe)\s*\/\s*\w+(?:\s*\/\s*\w+)?[)\]]/giu;

/**
 * A sender's display name split into the person and what follows them: pronouns dropped
 * ("Dana Whitfield (she/her)"), a title or company after a bar or dash set apart ("Dana Whitfield
 * | ZyxCorp"), "Kowalski, Anna" reordered, "dana whitfield" capitalised. `rest` is null when the
 * name is not a person's followed by something else.
 */
export function displayNameParts(raw: string): { person: string; rest: string | null } {
  // Bounded and collapsed first: a display name is hostile input like the rest of the mail.
  const name = raw.slice(0, MAX_NAME).replace(/\s+/g, ' ').replace(PRONOUNS, '').trim();
  const [head, ...tail] = name.split(/ [|·–—-] | ?\| ?/);
  const person = capitalised(naturalOrder(head!.trim()));
  // A full name first ("Dana Whitfield | ZyxCorp"); "Acme - Careers" and "Stripe | Jobs" are a
  // company and its mailbox, as before.
  const rest = tail.join(' ').trim();
  const mailboxWords = rest.split(' ').every((w) => ORG_WORDS.has(w.toLowerCase()));
  if (rest && person.includes(' ') && !mailboxWords && looksLikePersonName(person)) return { person, rest };
  return { person: capitalised(naturalOrder(name)), rest: null };
}
const MAX_NAME = 200;

/** "dana whitfield" → "Dana Whitfield" when that is a person's name; anything else as written. */
function capitalised(name: string): string {
  if (looksLikePersonName(name) || !LOWER_WORDS.test(name)) return name;
  const titled = name.replace(LOWER_WORD_START, (c) => c.toUpperCase());
  return looksLikePersonName(titled) ? titled : name;
}

/** Generational suffixes and credentials that may follow a comma in a name: "John Smith, Jr.". */
const AFTER_COMMA = /^(?:jr|sr|ii|iii|iv|phd|md|mba|cpa|esq|shrm-cp|shrm-scp|phr|sphr)\.?$/i;

/**
 * Outlook and Exchange write "Kowalski, Anna": a surname, a comma, the given names. A letter
 * greets "Anna Kowalski". Anything else ("John Smith, Jr.", "Acme, Inc.") is left as written.
 */
function naturalOrder(name: string): string {
  if (name.length > MAX_NAME) return name;
  // The surname may open with particles: "de la Cruz, Juan".
  const m = /^\s*((?:(?:van|von|de|da|del|der|la|le|di|du|dos|das) )*[^,\s]+),\s*([^,]+?)\s*$/i.exec(name);
  if (!m) return name;
  const [, surname, given] = m as unknown as [string, string, string];
  if (
    given.split(/\s+/).length > 2 ||
    AFTER_COMMA.test(given) ||
    !looksLikePersonName(given) ||
    !looksLikePersonName(`${given} ${surname}`)
  )
    return name;
  return `${given} ${surname}`;
}

/** True when a person's name plausibly owns the mailbox: sarah.katz@, skatz@, sarah@, katz.s@. */
export function nameMatchesMailbox(name: string, address: string): boolean {
  const local = address
    .slice(0, address.lastIndexOf('@'))
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (!local) return false;
  // Mailboxes are ASCII: "Jürgen Müller" is juergen.mueller@ or jurgen.muller@.
  const parts = [...new Set([toAscii(name), toAscii(name, true)])]
    .flatMap((n) => n.toLowerCase().split(/[\s&]+/))
    .map((p) => p.replace(/[^a-z]/g, ''))
    .filter((p) => p.length >= 2);
  return parts.some(
    (p) => local.includes(p) || (p.length >= 3 && local.startsWith(p.slice(0, 3)) && local.length <= p.length + 2),
  );
}

/** Letters without their accents ("Zoë" → "Zoe", "Łukasz" → "Lukasz"); `german`: ä ö ü → ae oe ue. */
function toAscii(s: string, german = false): string {
  // Most names are plain ASCII already: no normalisation to pay for (squash runs in loops).
  if (ASCII_ONLY.test(s)) return s;
  const spelled = german ? s.replace(/[äöüÄÖÜ]/g, (c) => GERMAN[c]!) : s;
  return spelled
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[łŁøØđĐßæÆœŒþÞ]/g, (c) => UNDECOMPOSED[c]!);
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range begins at NUL on purpose
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
/** Letters that carry no combining mark to strip. */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  þ: 'th',
  Þ: 'Th',
};

/**
 * True when the email plainly greets someone whose name shares nothing with the owner's
 * ("Dear Alex," to Sam Rivera): a rejection forwarded by mistake, or meant for someone else.
 */
export function greetsSomeoneElse(greeting: string | null | undefined, ownerName: string): boolean {
  if (!greeting) return false;
  const words = (s: string) =>
    toAscii(s)
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 2);
  const mine = words(ownerName);
  const theirs = words(greeting);
  if (!mine.length || !theirs.length) return false;
  // "Sam" greets Samantha; "Rivera" greets Sam Rivera.
  return !theirs.some((t) =>
    mine.some((m) => t === m || (Math.min(t.length, m.length) >= 3 && (t.startsWith(m) || m.startsWith(t)))),
  );
}

/** Lower-case, letters (accents dropped) and digits only: "Nuts.com" ~ "nutscom", "AT&T" ~ "att", "Société" ~ "societe". */
export function squash(s: string): string {
  return toAscii(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Initials of a multi-word name: "General Motors" → "gm", "Cannabis Creative Group" → "ccg". */
export function initials(s: string): string {
  return s
    .split(/[\s&-]+/)
    .filter((w) => STARTS_WITH_LETTER.test(w) && !/^(?:of|and|the)$/i.test(w))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
}

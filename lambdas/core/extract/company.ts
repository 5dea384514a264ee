// Which company sent the rejection. Candidates come from the sender's display name ("Acme
// Recruiting Team", "Acme via Indeed"), phrases in the body and subject ("interest in Acme",
// "the X position at Acme"), and company-looking signature lines. Each is scored; names seen in
// several places win. The sender's domain only confirms a name or, as a last resort, picks one
// that the text itself writes — never an ATS's or job board's domain, never a guess.

import { employerDomainLabel, isAtsOrBoardAddress, isAtsOrBoardName, isRoleMailbox } from './ats-domains.ts';
import { eachMatch } from '../text/index.ts';
import type { Address } from '../mail/index.ts';
import { displayNameParts, initials, looksLikePersonName, ORG_WORDS, ROLE_WORD, squash } from '../names/index.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const STARTS_UPPER = /^\p{Lu}/u;

/** One capitalised word of a company name: "Acme", "AT&T", "Nuts.com", "Advisor360°", "3M", "Brändli" — never the pronoun "I". */
const TOKEN = String.raw`(?:(?!(?:Inc|Ltd|Corp|Co|I)\b)[\p{Lu}0-9][\p{L}\p{N}_&'+°@]*(?:\.(?:com|net|org|io|ai|co)\b)?)`;
const JOINER = String.raw`(?: (?:&|and|of|de|du|der|y|\+) (?=[\p{Lu}0-9])| )`;
const LEGAL = String.raw`(?:,? (?:Inc\.?|LLC|L\.L\.C\.|LP|L\.P\.|LLP|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|GmbH|AG|plc|PLC|S\.A\.|S\.L\.|N\.V\.|B\.V\.|Pty Ltd|& Co(?:\.|\b)))`;
/** A company name, captured: capitalised words joined by spaces, "&", "and", "of" …, and a legal form. */
export const NAME = String.raw`(${TOKEN}(?:${JOINER}${TOKEN}){0,5}${LEGAL}?)`;

/** Phrases that introduce the employer: "interest in Acme", "the Analyst role at Acme". */
const BODY_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:interest in|interested in|applying (?:to|at|with)|applied (?:to|at|with)|application (?:to|at|with)|apply (?:to|at|with)|employment (?:with|at)|career (?:path )?(?:at|with)|careers at|opportunit(?:y|ies) (?:at|with|within)|within|joining|join|work(?:ing)? (?:at|for|with)|considering|team at|time at|future at|(?:positions?|roles?|openings?|jobs?|internships?|programs?|vacanc(?:y|ies))(?: \([^()\n]{1,30}\))? (?:at|with)) (?:the )?${NAME}`,
    'gu',
  ),
  // "the Acme team", "the Acme family"
  new RegExp(String.raw`\bthe ${NAME} (?:team|family)\b`, 'gu'),
  // Job-board templates: "Unfortunately, Acme has decided …", "Acme did not select …"
  new RegExp(
    String.raw`(?:^|\n|, |\. )${NAME} (?:has|have|had) (?:decided|moved|chosen|filled|reviewed)|(?:^|\n|, |\. )${NAME} did not select`,
    'gu',
  ),
  // The same introductions in German, French, Spanish, Dutch and Portuguese: "Interesse an Acme", "candidature chez Acme".
  new RegExp(
    String.raw`\b(?:[Ii]nteresse an|[Bb]ewerbung bei|intérêt pour|candidature chez|interés en|candidatura en|interesse in|sollicitatie bij|interesse na|interesse pela|interesse pelo|trabalhar na|werken bij|travailler chez|trabajar en|arbeiten bei)\s+(?:der |die |das |la |le |l'|el |de |het |a |o )?${NAME}`,
    'gu',
  ),
];

const BOARD_PATTERN = BODY_PATTERNS[2];
const TEAM_PATTERN = BODY_PATTERNS[1];
/** "the Payments team", "the Platform team": a team inside the company, not the company. */
const TEAM_NAMES = new Set(
  (
    'payments platform growth engineering product design data marketing sales finance operations ops infrastructure security support legal ' +
    'people brand content research analytics mobile web frontend backend devops sre qa editorial creative partnerships customer success ' +
    'commercial strategy risk compliance procurement policy'
  ).split(' '),
);
const BOARD_VERB = / (?:has|have|had) (?:decided|moved|chosen|filled|reviewed)| did not select/;

/**
 * "… Software Engineer Intern at Acme", "… Engineer I-211299 with Acme": "at"/"with" after a
 * job title. Matched as "at Acme" first and the title word checked after, which is far cheaper
 * than letting the regex engine try a title at every word.
 */
const AT_WITH = new RegExp(String.raw`\b(?:at|with) ${NAME}`, 'gu');
const TITLE_WORD_BEFORE = /(?:^|\s)(?:[A-Z][\w/-]*(?:er|or|ist|ant|ent|ern|ship|ate|ive|ian|ect)|I{1,3}|[A-Z]+-?\d+) $/;
const REQUISITION_BEFORE = / \([^()\n]{1,30}\) $/;
const NAME_ONLY = new RegExp(String.raw`^${NAME}$`, 'u');
const LEGAL_END = new RegExp(`${LEGAL}$`);
const ANY_NAME = new RegExp(NAME, 'gu');

/** Display-name words that describe the mailbox, not the company ("Acme Talent Acquisition Team"). */
const DISPLAY_FILLER = new Set(
  (
    'team recruiting recruiters recruiter recruitment talent acquisition aquisition hr human resources careers career jobs hiring people ' +
    'culture university campus college relations programs program global us usa north america americas emea apac europe uk ' +
    'assessment notifications notification events opportunities staffing admissions the your & and - graduate early department ' +
    'specialist specialists services acquisitions operations ops professional professionals emerging personnel office cell workforce ' +
    'shared service resourcing vacancies assessments'
  ).split(' '),
);

interface Candidate {
  name: string;
  score: number;
  sources: Set<string>;
}

function clean(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|your|our)\s+/i, '')
    .replace(/[\s,;:!?)"'|·–—-]+$/, '')
    .replace(/\.(?<!\b(?:Inc|Co|Corp|Ltd|L\.P|S\.A|S\.L|N\.V|B\.V)\.)$/, '')
    .trim();
}

/** A name as written, without a leading "the" or trailing punctuation. */
export const cleanName = (raw: string): string => clean(raw);

/** Capitalised words that open sentences, not company names. */
const STOP_NAMES = new Set(
  'we i you our your this that these it us they he she thank thanks please unfortunately dear hi hello however after at in on the a an all any monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);
/** Words of subjects and headings ("Job Application", "Status Update") that are never a company. */
const NOT_COMPANY_WORDS =
  /\b(?:application|applications|update|status|interview|invitation|reminder|offer|important|regarding|candidate|candidates|opportunity|position|thank|congratulations|outcome|results?|decision|feedback|follow-up|take-home|challenge|exercise|session|conversation|chat|vote|roster|posting|cancell?ed|onboarding|steps)\b|^information$/i;

/** `confirmed`: the sender's own domain spells the name ("Tallgrass Software" at tallgrass-software.com): a job word in it is part of the name. */
function acceptable(name: string, greeted: ReadonlySet<string>, confirmed = false): boolean {
  if (name.length < 2 || name.length > 60) return false;
  const words = name.split(/\s+/);
  if (words.every((w) => ORG_WORDS.has(w.toLowerCase()) || DISPLAY_FILLER.has(w.toLowerCase()))) return false;
  if (STOP_NAMES.has(name.toLowerCase()) || STOP_NAMES.has((words[0] ?? '').toLowerCase())) return false;
  if (NOT_COMPANY_WORDS.test(name)) return false;
  if (!confirmed && ROLE_WORD.test(name) && !/\b(?:partners|group|labs|systems|health|solutions)\b/i.test(name))
    return false;
  if (words.every((w) => greeted.has(w.toLowerCase()))) return false;
  if (/^\d+$/.test(name) || /^[A-Z]{1}$/.test(name)) return false;
  // "11 Jan", "3 March": a date from a quoted reply's header; "Wensleigh WS1 9ZZ": an address line.
  if (/^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i.test(name)) return false;
  if (/\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/.test(name)) return false;
  return true;
}

/** Whether a name found in the text can be a company's: not a sentence's first word, a job or the candidate. */
export const acceptableName = (name: string, greeted: ReadonlySet<string>): boolean => acceptable(name, greeted);

/** "The Acme Recruiting Team" → "Acme"; "Acme via Indeed" → "Acme"; "Global Recruiting, Acme LP" → "Acme LP". */
function companyFromDisplayName(display: string): { name: string; via: boolean } | null {
  const d = display.replace(/\s+/g, ' ').trim();
  const via = /^(.+?) via \S.*$/i.exec(d);
  if (via?.[1]) return { name: clean(via[1]), via: true };
  const teamAt = /\b(?:team|careers|jobs|recruiting|recruitment|hiring|talent) (?:at|of) (.+)$/i.exec(d);
  if (teamAt?.[1]) return { name: clean(teamAt[1]), via: false };
  const comma = d.split(/\s*[,|]\s*/);
  const named =
    comma.length > 1 && comma.slice(0, -1).every((p) => p.split(' ').every((w) => DISPLAY_FILLER.has(w.toLowerCase())))
      ? (comma.at(-1) ?? '')
      : d;
  const name = withoutFiller(named);
  return name ? { name, via: false } : null;
}

/** Drops mailbox words around a name: "The Acme Recruiting Team" → "Acme". */
function withoutFiller(raw: string): string {
  let words = raw.split(' ').filter((w) => w !== '');
  // A year ends a programme's mailbox too: "Kovaltech Campus Hiring 2025".
  const filler = (w: string | undefined): boolean =>
    DISPLAY_FILLER.has((w ?? '').toLowerCase().replace(/[.,]$/, '')) || /^(?:19|20)\d\d$/.test(w ?? '');
  // "Services", "Operations" and "Office" end company names too ("Harlow Information Services",
  // "Post Office"): they are the mailbox's only after another mailbox word ("Recruiting Services",
  // "People Operations", "Personnel Office").
  while (words.length && filler(words.at(-1))) {
    if (/^(?:services|operations|ops|office|service)$/i.test(words.at(-1) ?? '') && !filler(words.at(-2))) break;
    words = words.slice(0, -1);
  }
  const whole = words;
  while (words.length && DISPLAY_FILLER.has((words[0] ?? '').toLowerCase())) words = words.slice(1);
  // "University of Northfleet" is a name, not a mailbox word before "of Northfleet".
  if (/^(?:of|and|&|for)$/i.test(words[0] ?? '')) words = whole;
  return clean(words.join(' '));
}

/** Legal or descriptive endings that make a fuller, more formal form of the same company name. */
const FORMAL_SUFFIX =
  /(?:,? (?:Inc\.?|LLC|LP|LLP|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|GmbH|AG|plc|PLC|S\.A\.|& Company|& Co\.?|Technologies|Technology|Media|Group|Holdings|Health Solutions|Solutions|Systems|Labs|Networks))+$/;

export interface CompanyInput {
  from: Address | null;
  /** The company the subject line names (subject.ts), and whether that reading is only a guess. */
  subject: { company: string | null; weak: boolean; guess?: boolean };
  flat: string;
  signatureLines: readonly string[];
  greeted: ReadonlySet<string>;
  /** The employer a labelled field names ("Company: …", "Agency: …"). */
  field?: string | null;
  /** A name that is not the employer (the agency that wrote for it): it and its spellings are passed over. */
  exclude?: string;
}

export function findCompany(input: CompanyInput): string | null {
  const candidates = new Map<string, Candidate>();
  const add = (raw: string, score: number, source: string, confirmed = false): void => {
    // A labelled field is the name as written: "Department for Regional Growth" keeps its first word.
    const name = source === 'field' ? clean(raw) : withoutFiller(clean(raw));
    if (!acceptable(name, input.greeted, confirmed)) return;
    // The job board or ATS that carried the mail signs it and names itself in its footer; it is
    // the employer only when the text says so ("your interest in Workday").
    if ((source === 'sender name' || source === 'signature') && isAtsOrBoardName(squash(name))) return;
    const key = name.toLowerCase();
    const c = candidates.get(key) ?? { name, score: 0, sources: new Set<string>() };
    // Prefer the mixed-case spelling ("Cambia Health Solutions" over "CAMBIA HEALTH SOLUTIONS").
    if (c.name === c.name.toUpperCase() && name !== name.toUpperCase()) c.name = name;
    c.score += score;
    c.sources.add(source);
    candidates.set(key, c);
  };

  const from = input.from;
  // Compared squashed, as names are: riverside-foundation.org ~ "Riverside Foundation".
  const rawLabel = from ? employerDomainLabel(from.address) : null;
  const domainLabel = rawLabel?.replace(/[^a-z0-9]/g, '') ?? null;
  const domainParts = rawLabel?.split(/[^a-z0-9]+/).filter((w) => w.length >= 3) ?? [];
  const fromName = from?.name ?? null;
  const parts = fromName !== null ? displayNameParts(fromName) : null;
  // One word on a no-reply, team or ATS mailbox ("Quillstone" <no-reply@hire.lever.co>) is the
  // employer's name, not a person's — unless it is the mailbox's own ("Dice" <noreply@dice.com>).
  const mailbox = from !== null && (isRoleMailbox(from.address) || isAtsOrBoardAddress(from.address));
  const brand =
    parts !== null &&
    mailbox &&
    !parts.person.includes(' ') &&
    !from!.address.slice(from!.address.lastIndexOf('@')).includes(squash(parts.person));
  const fromIsPerson = parts !== null && looksLikePersonName(parts.person) && !/\bvia\b/i.test(fromName!) && !brand;
  // "Dana Whitfield | ZyxCorp": the person, then their company.
  if (fromIsPerson && parts.rest) {
    const d = companyFromDisplayName(parts.rest);
    if (d) add(d.name, 3, 'sender name');
  }
  if (fromName && !fromIsPerson) {
    const d = companyFromDisplayName(fromName);
    // A one-word name on an ATS mailbox may still be a person's ("Hannah"): it wins only when
    // nothing else names the company.
    if (d) add(d.name, brand ? 1 : d.via ? 4 : 3, 'sender name');
  }
  for (const re of BODY_PATTERNS) {
    // The job-board pattern tries a name after every comma and full stop: only worth it when its verb is there.
    if (re === BOARD_PATTERN && !BOARD_VERB.test(input.flat)) continue;
    eachMatch(re, input.flat, (m) => {
      const name = m[1] ?? m[2] ?? '';
      if (re === TEAM_PATTERN && name.split(' ').every((w) => TEAM_NAMES.has(w.toLowerCase()))) return;
      add(name, 2, 'body');
    });
  }
  eachMatch(AT_WITH, input.flat, (m) => {
    const at = m.index;
    // "… Representative (R-04418) at Acme": a requisition between the title and "at".
    const before = input.flat.slice(Math.max(0, at - 72), at).replace(REQUISITION_BEFORE, ' ');
    if (TITLE_WORD_BEFORE.test(before.slice(-40))) add(m[1] ?? '', 2, 'body');
  });
  // A notice's "Company:" field outweighs the software that sent it and its domain.
  if (input.field) add(input.field, 6, 'field', true);
  // Recruiting software writes the employer into the subject: "Your application to X at Acme".
  // A bare subject's last part ("Veterinary Nurse – Oakfield Vets") may be a place or a team: it
  // counts only beside another source or the sender's own domain.
  const guessed = input.subject.guess ? input.subject.company : null;
  if (input.subject.company && !guessed) add(input.subject.company, input.subject.weak ? 1 : 3, 'subject');
  // Signature lines naming a company: a legal suffix, or the sender's own domain.
  // A line may pair a title with the company: "People Partner · Açaí Labs S.L.", "Recruiter | Acme".
  // "Controller, Corvid Health Partners" too — but "Acme, Inc." is one name.
  const signatureParts = input.signatureLines
    .slice(0, 8)
    .flatMap((line) =>
      line.split(
        /\s+[·|–—-]\s+|\s*\|\s*|,\s+(?!(?:Inc|LLC|Ltd|Limited|Corp|Co|GmbH|AG|plc|PLC|LP|LLP|S\.A|S\.L|N\.V|B\.V)\b)/,
      ),
    );
  for (const part of signatureParts) {
    const m = NAME_ONLY.exec(part.trim());
    if (!m?.[1]) continue;
    const mine = spelledByDomain(m[1], domainLabel, domainParts);
    if (LEGAL_END.test(m[1]) || mine) add(m[1], 3, 'signature', mine);
    // "Lumenfield Recruiting", "Granville Paper Co. Talent Acquisition": a team signing for the
    // company, when recruiting software sent it (its own display name is the software's).
    else if (from && isAtsOrBoardAddress(from.address)) {
      const named = withoutFiller(m[1]);
      if (named && named !== clean(m[1])) add(named, 2, 'signature');
    }
  }

  if (guessed) {
    const sq = squash(guessed);
    const agrees =
      candidates.has(guessed.toLowerCase()) ||
      (domainLabel !== null && sq.length >= 3 && (domainLabel.includes(sq) || sq.includes(domainLabel)));
    if (agrees) add(guessed, 1, 'subject');
  }
  const list = [...candidates.values()];
  if (domainLabel) {
    for (const c of list) {
      const sq = squash(c.name);
      if (sq.length >= 2 && (domainLabel.includes(sq) || sq.includes(domainLabel))) c.score += 2;
    }
  }
  // The same company under two spellings: an acronym and its full name ("GM" / "General Motors"),
  // a name and its formal form ("Alteryx" / "Alteryx, Inc.", "Digital Acme" / "Acme & Company"),
  // or a short and a long form ("Cox" / "Cox Automotive"). Pool the scores in the fuller form.
  // Each name's squashed forms, worked out once rather than for every pair.
  const forms = new Map(
    list.map((c) => [
      c,
      {
        sq: squash(c.name),
        core: squash(c.name.replace(FORMAL_SUFFIX, '')),
        formal: FORMAL_SUFFIX.test(c.name),
        acronym: /^[A-Z&]{2,5}$/.test(c.name) ? squash(c.name).replace(/&/g, '') : null,
        initials: null as string | null, // worked out only when an acronym needs it
        lower: c.name.toLowerCase(),
      },
    ]),
  );
  for (const short of list) {
    const s = forms.get(short)!;
    for (const long of list) {
      if (short === long || short.score === 0) continue;
      const l = forms.get(long)!;
      if (s.acronym !== null) l.initials ??= initials(long.name);
      const acronym = s.acronym !== null && l.initials === s.acronym;
      const formal = l.formal && l.core.length >= 2 && l.core !== l.sq && s.sq.includes(l.core);
      const extended = l.lower.startsWith(`${s.lower} `);
      // "Zocdoc's Recruiting Team" beside "interest in Zocdoc": the possessive is not the name.
      if (/^['’]s$/.test(l.lower.slice(s.lower.length)) && l.lower.startsWith(s.lower)) {
        short.score += long.score;
        long.score = 0;
        continue;
      }
      if (acronym || formal || extended) {
        long.score += short.score;
        short.score = 0;
      }
    }
  }
  const excluded = input.exclude ? squash(input.exclude) : null;
  const other = (name: string): boolean => {
    const sq = squash(name);
    return excluded === null || !(sq.includes(excluded) || excluded.includes(sq));
  };
  const best = list
    .filter((c) => c.score > 0 && other(c.name))
    .sort((a, b) => b.score - a.score || b.sources.size - a.sources.size)[0];
  if (best) return best.name;
  const written = domainLabel ? nameWrittenForDomain(domainLabel, input.flat) : null;
  return written !== null && other(written) ? written : null;
}

/**
 * The sender's own domain spells a signature's company: "Lumen & Vale" at lumenandvale, "Corvallis
 * Family Clinic" at corvallis-clinic (every part of the domain is in the name), "Drumlin Public
 * Libraries" at drumlinlibraries (the domain starts with the name's first word).
 */
function spelledByDomain(name: string, label: string | null, parts: readonly string[]): boolean {
  if (label === null) return false;
  const sq = squash(name);
  if (sq.includes(label) || squash(name.replace(/&/g, ' and ')).includes(label)) return true;
  if (parts.length > 1 && parts.every((w) => sq.includes(w))) return true;
  const words = name.split(/\s+/);
  const first = squash(words[0] ?? '');
  return words.length >= 2 && first.length >= 4 && label.startsWith(first) && label.length > first.length;
}

/** Last resort: the way the text itself writes the sender's domain ("acme" → "Acme"), if it does. */
function nameWrittenForDomain(label: string, text: string): string | null {
  if (label.length < 3) return null;
  // The label as a word of its own, capitalised as the text writes it ("Lumencraft" on the last
  // line of a signature that has no sign-off) …
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${label}(?![\\p{L}\\p{N}])`, 'iu').exec(text)?.[0];
  if (word && STARTS_UPPER.test(word) && acceptable(word, new Set())) return word;
  // … or a capitalised phrase that squashes to it ("Brightline Health" for brightlinehealth).
  let found: string | null = null;
  eachMatch(ANY_NAME, text, (m) => {
    const name = clean(m[1] ?? '');
    if (found === null && squash(name) === label && acceptable(name, new Set())) found = name;
  });
  return found;
}

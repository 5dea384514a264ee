// Which role was applied for. Recruiters name it around a noun ("the X position", "our X
// opening", "your X application"), after a verb ("applying to X", "for the X at Acme"), or in the
// subject ("Your application for X at Acme"). Titles are messy — "Data Scientist: Ads & Markets -
// Summer Internship", "Software Engineer (open to remote)" — so the span is read word by word.

import { countChar, eachMatch } from '../text/index.ts';
import { ROLE_WORD, squash } from '../names/index.ts';
import { withoutTrailer } from './subject.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const STARTS_LOWER = /^\p{Ll}/u;

const OPEN = 40; // '('
const CLOSE = 41; // ')'

const NOUN =
  /^(?:position|role|opening|vacancy|job|post|opportunity|application|requisition|program|programme|spot|gig|hire)[.,;:!?)]*$/i;
const JOB_WORD_ONLY = new RegExp(`^${ROLE_WORD.source}$`, 'i');
/** Nouns people use for a job in passing ("the founding engineer spot"): a title before them needs a job word. */
const LOOSE_NOUN = /^(?:spot|gig|hire)\b/i;
const NOUN_FIRST = new Set([...'provjasgh'].map((c) => c.charCodeAt(0)));
/** Words that open a role span when reading backwards from the noun. */
const DETERMINER =
  /^(?:[Tt]he|[Oo]ur|[Yy]our|[Tt]his|an?|open|current|posted|advertised|following|available|recent|specific)$/;
/** Words a role span never crosses: pronouns, verbs, prepositions that end a phrase. */
const BARRIER =
  /^(?:you|we|us|i|me|it|is|are|was|were|be|been|have|has|had|to|for|at|with|from|by|on|into|about|regarding|in|that|which|who|applying|applied|apply|interest|thank|thanks|if|as|any|other|another|all|no|not)$/i;
const CONNECTOR = /^(?:and|of|&|-|\/|\+|:|for)$/i;

function isTitleWord(w: string): boolean {
  return /^[("]?[A-Z0-9]/.test(w) || /[A-Z]/.test(w.slice(0, 2));
}

/** "Lecturer in Economic History", "Researcher in Computational Ecology": "in" inside a title, after an academic title and before a capital. */
const titleIn = (before: string | undefined, w: string, after: string | undefined): boolean =>
  w === 'in' && ACADEMIC.test(before ?? '') && /^[A-Z]/.test(after ?? '') && !/^(?:The|Our|Your)$/.test(after ?? '');
/** Titles that name a field after "in" — "Software Engineer in London" names a place instead. */
const ACADEMIC =
  /^(?:lecturer|researcher|professor|fellow|fellowship|associate|studentship|phd|postdoc|reader|scientist|teacher|tutor|instructor|apprenticeship|internship)$/i;

/** Reads back from a role noun to the determiner: "… the [Data Analyst - Summer 2018] role". */
function spanBefore(words: readonly string[], nounAt: number): string | null {
  const span: string[] = [];
  let lower = 0;
  let depth = 0;
  for (let i = nounAt - 1; i >= 0 && span.length < 18; i--) {
    const w = words[i] ?? '';
    const closes = countChar(w, CLOSE);
    const opens = countChar(w, OPEN);
    const insideParens = depth > 0 || closes > 0;
    depth += closes - opens;
    if (/[.!?;]$/.test(w) && !/^(?:[A-Z]\.|Sr\.|Jr\.|Inc\.)$/.test(w) && !insideParens) break;
    if (/'s$/.test(w)) return finish(span);
    if (!insideParens && DETERMINER.test(w)) return finish(span);
    if (!insideParens && BARRIER.test(w) && !titleIn(words[i - 1], w, words[i + 1])) return null;
    if (!insideParens && !isTitleWord(w) && !CONNECTOR.test(w)) {
      if (++lower > 3) return null;
    }
    span.unshift(w);
  }
  return null;
}

function finish(span: readonly string[]): string | null {
  const text = span
    .join(' ')
    .replace(/[,:;\s]+$/, '')
    .trim();
  if (!text) return null;
  if (isTitleWord(text.split(' ')[0] ?? '')) return text;
  // Founders and small teams write titles in lower case: "the design engineer role".
  return lowerTitle(text.split(' ')) === text ? text : null;
}

/** Job words that end a title by themselves: not "data", "sales", "summer" or "program", which qualify one. */
const GENERIC =
  /^(?:data|software|product|sales|marketing|summer|program|programme|position|role|staff|member|partner|support|head|chief|graduate|student|phd)$/i;

/**
 * A title written in lower case: up to four plain words that end in a job word ("founding
 * engineer", "growth marketer", "community manager"), or null.
 */
function lowerTitle(words: readonly string[]): string | null {
  let end = -1;
  for (let i = 0; i < words.length && i < 4; i++) {
    const w = (words[i] ?? '').replace(/[.,;:!?]+$/, '');
    if (!/^[a-z][a-z-]*$/.test(w) || BARRIER.test(w) || /^(?:and|or|of|the|a|an)$/.test(w)) break;
    if (ROLE_WORD.test(w) && !GENERIC.test(w)) end = i;
    if (w !== words[i]) break;
  }
  return end < 0
    ? null
    : words
        .slice(0, end + 1)
        .join(' ')
        .replace(/[.,;:!?]+$/, '');
}

/** Reads forward from a trigger until a word that ends a title: "applying to [Software Engineer Intern]." */
function spanAfter(text: string): string | null {
  const words = text.split(' ');
  const span: string[] = [];
  let depth = 0;
  for (let i = 0; i < words.length && span.length < 18; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    const inside = depth > 0;
    depth += countChar(w, OPEN) - countChar(w, CLOSE);
    const outside = !inside && depth <= 0;
    // "Acme's Data Intern role": what came before the possessive is the company.
    if (outside && /'s$/.test(w)) {
      span.length = 0;
      continue;
    }
    if (outside && !/^\(/.test(w)) {
      const joinsTitles = (w === 'and' && span.length > 0 && isTitleWord(next)) || titleIn(span.at(-1), w, next);
      if (
        !joinsTitles &&
        /^(?:at|with|in|within|and|for|from|on|to|as|which|that|where|who|this|we|you|bei|chez|en|bij|na|no|em)$/i.test(
          w,
        )
      )
        break;
      if (!isTitleWord(w) && !CONNECTOR.test(w) && !joinsTitles) break;
    }
    // A comma ends the title before lower-case text or a bare requisition number ("…, 2024-101928").
    if (depth <= 0 && /,$/.test(w) && (!isTitleWord(next) || /^\d[\d-]*[.,]?$/.test(next))) {
      span.push(w.slice(0, -1));
      break;
    }
    span.push(w);
    // A full stop ends the title once any bracket it opened is closed: "… (January 2021). Please".
    // "I." is a level that ends a sentence when a sentence follows: "Software Engineer I. Given the …".
    const sentenceNext = CAPITALISED_WORD.test(next) && STARTS_LOWER.test(words[i + 2] ?? '');
    if (depth <= 0 && /[.!?;]$/.test(w) && (!/^(?:[A-Z]\.|Sr\.|Jr\.)$/.test(w) || sentenceNext)) break;
  }
  const out = span
    .join(' ')
    .replace(/[.,;:!?\s]+$/, '')
    .trim();
  return out || null;
}

// Each trigger matches only its own words and looks ahead at the title, so a title that holds
// another trigger ("interest in Acme and for the time you took to apply to Data Analyst") is
// read from both.
/** Each with whether what follows needs a job word to be a title: after "position of" it is one. */
const FORWARD_TRIGGERS: readonly [RegExp, boolean][] = [
  [
    /\b(?:applying|applied|application|apply|applications|candidacy|consideration|considered|interview(?:ing|ed)?|interest(?: [a-z]+){0,3}|interested|(?:recruiting|hiring|selection|interview) process) (?:to|for|in) (?:the |our |your )?(?:open |posted )?(?=([A-Z0-9][^\n]{0,160}))/g,
    true,
  ],
  [/\bposition of (?=([A-Z0-9][^\n]{0,160}))/g, false],
  [/\b(?:role|post|title) of (?=([A-Z0-9][^\n]{0,160}))/g, true],
  // "The job posting Patient Access Representative (R-04418) at …": recruiting software's own words.
  [/\bjob posting (?:for )?(?:the )?(?=([A-Z0-9][^\n]{0,160}))/g, true],
  // "not selected for the following position:\n\nEntry Level Engineer - Defense"
  [/\b(?:this|the|following|below) (?:position|role|vacancy|job|opening)s?:\s*(?=([A-Z0-9][^\n]{0,160}))/g, false],
  [/\b(?:for|about) (?:the|our) (?=([A-Z0-9][^\n]{0,160}))/g, true],
  [/\b(?:as an?) (?=([A-Z0-9][^\n]{0,160}))/g, true],
  // "applying to be Night Auditor", "applying to be our first community manager": a title there needs no job word (a lower-case one does).
  [/\b(?:apply|applying|applied) to be (?:an? |the |our )?(?:first |new |next )?(?=([A-Za-z0-9][^\n]{0,160}))/g, false],
];

/**
 * The same in German, French, Spanish, Dutch and Portuguese: "Bewerbung als X", "au poste de X",
 * "el puesto de X". Their titles keep small words ("Chargé de clientèle", "Analista de datos"),
 * so the title runs to the end of the clause or to the word before the company ("bei", "chez" …).
 */
const FOREIGN_TRIGGER =
  /\b(?:[Bb]ewerbung als |[Ss]telle als |au poste (?:de |d')|el puesto de |la posici[óo]n de |de functie(?: van| als)? |functie als |vaga de |o cargo de )(?=(\p{Lu}[^\n]{0,120}))/gu;
const FOREIGN_END = /[.;!?]|,\s|\s(?:bei|chez|en|bij|na|no|em|für|pour|para|voor|und|et|y|e|at|with)\s/;

/** "Position: Software Engineer", "Job title: …", "RE: 2018 Data Intern - Boston", "Ref: 1234BR - Data Intern" lines. */
const LABEL_LINE = /^(?:position|job title|job|role|title|vacancy|re|ref(?:erence)?)\s*:\s*(.{2,140})$/gim;

export interface RoleInput {
  /** The role a labelled field names ("Position: …"): read before anything else. */
  fieldRole?: string | null;
  /** The role the subject line names (subject.ts): read when the body names none. */
  subjectRole: string | null;
  flat: string;
  company: string | null;
  /**
   * Sentences offering the candidate another role ("I'd be glad to put you forward for the Design
   * Lead role in the spring"): a title read there is that role, not the one applied for.
   */
  offered?: readonly string[];
}

// The company written before or after a title ("Acme's Data Analyst", "Data Analyst at Acme"):
// compiled once per company, not once per reading of a title.
let around: { company: string; before: RegExp; after: RegExp } | null = null;
function companyAround(company: string): { before: RegExp; after: RegExp } {
  if (around?.company !== company) {
    const c = company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    around = {
      company,
      before: new RegExp(`^${c}(?:'s)?\\s*[:\\-|–]?\\s+`, 'i'),
      after: new RegExp(`\\s*(?:\\sat|[-–|,])\\s+${c}$`, 'i'),
    };
  }
  return around;
}

function tidy(raw: string, company: string | null): string | null {
  let role = withoutTrailer(raw)
    // Markup typed into a plain-text email is not part of a job title.
    .replace(/<(script|style)\b[^<>]{0,200}>[^<]{0,2000}<\/\1\s*>/gi, ' ')
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/^(?:the|our|your|open)\s+/i, '')
    .replace(/^(?:position|job title|role|title)\s*:\s*/i, '')
    .replace(/[,;:]?\s*(?:job|req(?:uisition)?|ref(?:erence)?) ?(?:id|#|no\.?|number)\b.*$/i, '')
    // An ATS's status of the opening: "Data Analyst (Open)".
    .replace(/\s*\((?:open|closed|filled|active|evergreen)\)/gi, '')
    // A requisition code before the title: "2020-45452 Software Engineer", "R-23154 Data Intern", "22468 - Intern".
    .replace(/^(?:\d{2,4}-\d{4,}|[A-Z]{1,4}-\d{3,}|\d{4,}[A-Z]{1,3}|\d{5,})\s*[-–:]?\s+/, '')
    // … or after it: "Risk Analyst II (R-0048213)", "Designer (Req #4471)", "Nurse (Ref 331-SW-26)",
    // "Analyst - JR-1234", "Engineer I-211299", "Intern - Boston-ADM008782", "Program I - Defense,
    // 65480BR", "Degrees, 1765077".
    .replace(
      /\s*(?:\((?:(?:req(?:uisition)?|ref(?:erence)?|id)\.?\s*(?:no\.?\s*)?#?\s*|job\s*#?\s*|#\s*)?[A-Z]{0,4}[-#]?\d{3,}[\w-]*\)|\s[-–]\s*[A-Z]{1,4}-?\d{4,}[\w-]*)$/i,
      '',
    )
    .replace(
      /(?:[,\s]+[-–]?\s*|-)(?:(?!(?:I{1,3}|IV|VI{0,3})[- ]?\d)[A-Z]{1,4}[- ]?)?\d{5,}[A-Z]{0,3}$|[,\s]+\d{4,}[A-Z]{1,3}$/,
      '',
    )
    .replace(/\s+(?:position|role|opening|job|vacancy)$/i, '')
    .replace(/[.,;:!?\s]+$/, '')
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .trim();
  // Templates that print the title twice: "Associate Engineer (New Grad) Associate Engineer (New Grad)".
  role = /^(.{3,}?) \1$/.exec(role)?.[1] ?? role;
  if (company) {
    const { before, after } = companyAround(company);
    role = role.replace(before, '').replace(after, '').trim();
    if (squash(role) === squash(company)) return null;
  }
  if (role.length < 2 || role.length > 140 || !/[A-Za-z]/.test(role)) return null;
  if (/^(?:position|role|opening|job|vacancy|opportunity|application|program|team|company)s?$/i.test(role)) return null;
  return role;
}

export function findRole(input: RoleInput): string | null {
  const labelled = input.fieldRole ? tidy(input.fieldRole, input.company) : null;
  if (labelled) return labelled;
  // Every reading, keyed by where its title starts; the first title in the text wins, and where a
  // noun-anchored reading and a forward one start together, the noun-anchored one is kept.
  const found: { at: number; rank: number; role: string }[] = [];
  const elsewhere = (input.offered ?? [])
    .map((said) => [input.flat.indexOf(said), said.length] as const)
    .filter(([start]) => start >= 0);
  const consider = (raw: string | null, at: number, rank: number, needsRoleWord: boolean): void => {
    if (!raw || elsewhere.some(([start, length]) => at >= start && at < start + length)) return;
    const role = tidy(raw, input.company);
    if (!role || (needsRoleWord && !ROLE_WORD.test(role))) return;
    found.push({ at, rank, role });
  };
  const groupStart = (m: RegExpExecArray): number => m.index + m[0].length - (m[1]?.length ?? 0);

  eachMatch(LABEL_LINE, input.flat, (m) => consider(spanAfter(m[1] ?? '') ?? m[1] ?? null, groupStart(m), 0, true));

  // Noun-anchored: walk the words once, reading back from every role noun.
  const words = input.flat.split(/[ \n]+/);
  let offset = 0;
  const offsets: number[] = [];
  for (const w of words) {
    offsets.push(offset);
    offset += w.length + 1;
  }
  for (let i = 0; i < words.length; i++) {
    // Every role noun begins with one of these letters: most words need no regex at all.
    if (!NOUN_FIRST.has((words[i] ?? '').charCodeAt(0) | 0x20) || !NOUN.test(words[i] ?? '')) continue;
    const span = spanBefore(words, i);
    // "the Data Science Graduate Program": a programme written as a name is the role itself.
    const named = /^Programm?e?\b/.test(words[i] ?? '') ? ` ${(words[i] ?? '').replace(/[.,;:!?)]+$/, '')}` : '';
    // "the founding engineer spot" but not "a VP-level hire": a loose noun needs a job word right before it.
    if (span && LOOSE_NOUN.test(words[i] ?? '') && !JOB_WORD_ONLY.test(words[i - 1] ?? '')) continue;
    if (span) consider(`${span}${named}`, offsets[i - span.split(' ').length] ?? 0, 1, false);
  }
  eachMatch(FOREIGN_TRIGGER, input.flat, (m) => {
    const rest = m[1] ?? '';
    const end = FOREIGN_END.exec(rest);
    consider(end ? rest.slice(0, end.index) : rest, m.index + m[0].length, 2, false);
  });
  for (const [re, needsRoleWord] of FORWARD_TRIGGERS) {
    eachMatch(re, input.flat, (m) => {
      const rest = m[1] ?? '';
      const span = /^[a-z]/.test(rest) ? lowerTitle(rest.split(' ')) : spanAfter(rest);
      consider(span, m.index + m[0].length, 2, needsRoleWord);
    });
  }

  // A title written in lower case is said in passing ("the receptionist role"): the subject's
  // title, when it gives one, is the fuller name.
  const titled = found.filter((f) => isTitleWord(f.role));
  if (titled.length) return titled.sort((a, b) => a.at - b.at || a.rank - b.rank)[0]?.role ?? null;
  const subject = input.subjectRole ? tidy(input.subjectRole, input.company) : null;
  if (subject) return subject;
  return found.sort((a, b) => a.at - b.at || a.rank - b.rank)[0]?.role ?? null;
}

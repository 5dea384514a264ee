// Which role was applied for. Recruiters name it around a noun ("the X position", "our X
// opening", "your X application"), after a verb ("applying to X", "for the X at Acme"), or in the
// subject ("Your application for X at Acme"). Titles are messy — "Data Scientist: Ads & Markets -
// Summer Internship", "Software Engineer (open to remote)" — so the span is read word by word.

import { countChar, eachMatch } from '../text/index.ts';
import { ROLE_WORD, squash } from '../names/index.ts';

const OPEN = 40; // '('
const CLOSE = 41; // ')'

const NOUN =
  /^(?:position|role|opening|vacancy|job|post|opportunity|application|requisition|program|programme)[.,;:!?)]*$/i;
const NOUN_FIRST = new Set([...'provja'].map((c) => c.charCodeAt(0)));
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
    if (!insideParens && BARRIER.test(w)) return null;
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
  if (!text || !isTitleWord(text.split(' ')[0] ?? '')) return null;
  return text;
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
      const joinsTitles = w === 'and' && span.length > 0 && isTitleWord(next);
      if (!joinsTitles && /^(?:at|with|in|within|and|for|from|on|to|as|which|that|where|who|this|we|you)$/i.test(w))
        break;
      if (!isTitleWord(w) && !CONNECTOR.test(w)) break;
    }
    // A comma ends the title before lower-case text or a bare requisition number ("…, 2024-101928").
    if (depth <= 0 && /,$/.test(w) && (!isTitleWord(next) || /^\d[\d-]*[.,]?$/.test(next))) {
      span.push(w.slice(0, -1));
      break;
    }
    span.push(w);
    if (outside && /[.!?;]$/.test(w) && !/^(?:[A-Z]\.|Sr\.|Jr\.)$/.test(w)) break;
  }
  const out = span
    .join(' ')
    .replace(/[.,;:!?\s]+$/, '')
    .trim();
  return out || null;
}

const FORWARD_TRIGGERS: readonly RegExp[] = [
  /\b(?:applying|applied|application|apply|applications|candidacy|consideration|considered|interview(?:ing|ed)?|interest(?: [a-z]+){0,3}|interested) (?:to|for|in) (?:the |our |your )?(?:open |posted )?([A-Z0-9][^\n]{0,160})/g,
  /\b(?:role|position|post|title) of ([A-Z0-9][^\n]{0,160})/g,
  /\b(?:this|the) (?:position|role|vacancy|job): ([A-Z0-9][^\n]{0,160})/g,
  /\b(?:for|about) (?:the|our) ([A-Z0-9][^\n]{0,160})/g,
  /\b(?:as an?) ([A-Z0-9][^\n]{0,160})/g,
];

/** "Position: Software Engineer", "Job title: …", "RE: 2018 Data Intern - Boston" lines. */
const LABEL_LINE = /^(?:position|job title|job|role|title|vacancy|re)\s*:\s*(.{2,140})$/gim;

const SUBJECT_PATTERNS: readonly RegExp[] = [
  /\byour (?:job )?application (?:to|for)(?: the)? (.+?)(?: (?:position|role|opening))?(?: at [^-|:]+)?[.!]?$/i,
  /\b(?:job application|application|submission received|application submitted|application received|interview invitation|update|feedback|decision|outcome)\s*[:\-|]\s*(.+?)(?: at [^-|:]+)?$/i,
  // "Software Engineer, Backend (Remote - US) - Application Update": the title, then what the email is.
  /^(.+)\s+[-–|]\s+(?:application (?:update|status)|status update|update|decision|feedback)$/i,
  /\binterest in [^,]+? for (?:the )?(.+)$/i,
  /\binterest in the (.+?)(?:, job id.*)?$/i,
  /\bupdate on (?:the|your) (.+?) (?:role|position|application)$/i,
  /^[^-]+ - (.+?) application\b/i,
];

export interface RoleInput {
  subject: string;
  flat: string;
  company: string | null;
}

// The company written before or after a title ("Acme's Data Analyst", "Data Analyst at Acme"):
// compiled once per company, not once per reading of a title.
let around: { company: string; before: RegExp; after: RegExp } | null = null;
function companyAround(company: string): { before: RegExp; after: RegExp } {
  if (around?.company !== company) {
    const c = company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    around = {
      company,
      before: new RegExp(`^${c}(?:'s)?\\s*[:\\-|]?\\s+`, 'i'),
      after: new RegExp(`\\s+at ${c}$`, 'i'),
    };
  }
  return around;
}

function tidy(raw: string, company: string | null): string | null {
  let role = raw
    // Markup typed into a plain-text email is not part of a job title.
    .replace(/<(script|style)\b[^<>]{0,200}>[^<]{0,2000}<\/\1\s*>/gi, ' ')
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|our|your|open)\s+/i, '')
    .replace(/[,;:]?\s*(?:job|req(?:uisition)?) ?(?:id|#|number)\b.*$/i, '')
    // A requisition number after the title: "Risk Analyst II (R-0048213)", "Designer (Req #4471)", "Analyst - JR-1234".
    .replace(
      /\s*(?:\((?:req(?:uisition)?\.?\s*#?\s*|job\s*#?\s*|#\s*)?[A-Z]{0,4}[-#]?\d{3,}[\w-]*\)|\s[-–]\s*[A-Z]{1,4}-?\d{4,}[\w-]*)$/i,
      '',
    )
    .replace(/\s+(?:position|role|opening|job|vacancy)$/i, '')
    .replace(/[.,;:!?\s]+$/, '')
    .trim();
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
  // Every reading, keyed by where its title starts; the first title in the text wins, and where a
  // noun-anchored reading and a forward one start together, the noun-anchored one is kept.
  const found: { at: number; rank: number; role: string }[] = [];
  const consider = (raw: string | null, at: number, rank: number, needsRoleWord: boolean): void => {
    if (!raw) return;
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
    if (span) consider(span, offsets[i - span.split(' ').length] ?? 0, 1, false);
  }
  for (const re of FORWARD_TRIGGERS) {
    eachMatch(re, input.flat, (m) => consider(spanAfter(m[1] ?? ''), groupStart(m), 2, true));
  }

  if (found.length) return found.sort((a, b) => a.at - b.at || a.rank - b.rank)[0]?.role ?? null;

  const subject = input.subject;
  for (const re of SUBJECT_PATTERNS) {
    const m = re.exec(subject);
    const role = m?.[1] ? tidy(m[1], input.company) : null;
    if (role && (ROLE_WORD.test(role) || /\b(?:your (?:job )?application|application:)/i.test(subject))) return role;
  }
  return null;
}

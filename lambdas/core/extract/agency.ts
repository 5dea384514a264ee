// A recruitment agency writing for its client: the company the letter thanks is the client, the
// person to thank is the recruiter, and the agency is named apart so the owner is told which is
// which. An agency shows itself by speaking of its client ("my client", "on behalf of Northwind"),
// or by an agency-shaped name of its own ("… Recruitment", "… Staffing", "… Search") while the
// text gives the role to another company.

import { employerDomainLabel, isAtsOrBoardAddress } from './ats-domains.ts';
import { acceptableName, cleanName, NAME } from './company.ts';
import { eachMatch } from '../text/index.ts';
import type { Address } from '../mail/index.ts';
import { displayNameParts, looksLikePersonName, ROLE_WORD, squash } from '../names/index.ts';

export interface AgencyReading {
  /** The agency's name as the email writes it, or null when it does not. */
  agency: string | null;
  /** The client the email names as the employer, or null. */
  client: string | null;
}

/** "my client", "our client's", "the client" — one client, not a company's many clients or its client services. */
const CLIENT =
  /\b(?:my|our|the)\s+client(?:['’]s)?\b(?![-\s]+(?:services?|success|facing|relations?(?:hip)?|experience|support|partner|team|management|manager|side|base|list|portfolio|work))|\bon behalf of\b(?!\s+(?:the|our|all|everyone|everybody|us|me|myself)\b)|\bother agencies\b/i;
/** The words agencies name themselves with. */
const AGENCY_WORD =
  /\b(?:recruitment|staffing|talent|search|resourcing|headhunt\w*|personnel|placements?|consultancy|workforce|agency)\b(?!\s+(?:acquisition|team|management|operations))/i;
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');
const LEGAL_FORM = /,?\s+(?:Inc\.?|LLC|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|AG|plc|LP|LLP)$/i;
/** "a recruitment agency", "a search firm": the text says what the sender is. */
const AGENCY_NAME =
  /\b(?:recruitment|recruiting|staffing|search|resourcing|headhunt\w*|personnel|placement)\s+(?:agency|firm|consultancy|company|partner)\b/i;

// Built on first use, once each: only mail that speaks of a client, names an agency or passes a
// gate below is searched with them, and their NAME's \p{…} classes made building all 15 cost a
// cold start ~3 ms, for mail that mostly never uses them.
const built: Record<string, RegExp> = {};
const p = (source: string): RegExp => (built[source] ??= new RegExp(source, 'gu'));
/** Where a sentence or clause starts: a name read from there is not glued to the word before. */
const START = String.raw`(?:^|(?<=\n|[,.;:]\s|\b(?:and|but|that|as|so)\s))`;
/** Where the client is named as the employer, each with how sure it is and the plain words it needs. */
const CLIENT_PATTERNS: readonly [string, number, RegExp?][] = [
  // "my client, Northwind Labs,", "our client Northwind", "Northwind Labs, our client,"
  [String.raw`\b(?:[Mm]y|[Oo]ur|[Tt]he)\s+client,?\s+${NAME}`, 3],
  [String.raw`${NAME},?\s+(?:my|our|the)\s+client\b`, 3, /\b(?:my|our|the)\s+client\b/],
  [String.raw`\bon behalf of\s+(?:(?:my|our)\s+client,?\s+)?${NAME}`, 3],
  // "the hiring manager at Northwind", "Northwind's hiring team has decided"
  [String.raw`\bhiring\s+(?:team|manager|panel|lead)s?\s+(?:at|from|with)\s+${NAME}`, 2],
  [
    String.raw`${START}${NAME}(?:['’]s)?\s+(?:hiring\s+)?(?:team|manager|panel|board)\s+(?:has|have|had)\s`,
    2,
    /\b(?:team|manager|panel|board)\s+(?:has|have|had)\s/,
  ],
  [
    String.raw`${START}${NAME}\s+(?:has|have|had)\s+(?:now\s+)?(?:decided|chosen|opted|gone|filled|selected|moved|offered|come back|came back|completed|appointed|closed)\b`,
    2,
    /\b(?:has|have|had)\s+(?:now\s+)?(?:decided|chosen|opted|gone|filled|selected|moved|offered|come back|came back|completed|appointed|closed)\b/,
  ],
  // "Meridian Outdoor passed on you", "Bad news from Corvid Logistics", "the Board of Directors of Harbor Valley Foods"
  [String.raw`${START}${NAME}\s+passed\s+on\b`, 2, /\bpassed\s+on\b/],
  [String.raw`\b(?:news|word|an update)\s+from\s+${NAME}`, 2, /\b(?:news|word|update)\s+from\b/],
  // A board, and a name that takes "have" ("Hawthorn Primary have now appointed"), is an organisation, never a person.
  [
    String.raw`${START}${NAME}\s+have\s+(?:now\s+)?(?:decided|chosen|opted|gone|filled|selected|offered|completed|appointed|closed)\b`,
    3,
    /\bhave\s+(?:now\s+)?(?:decided|chosen|opted|gone|filled|selected|offered|completed|appointed|closed)\b/,
  ],
  [
    String.raw`\b(?:[Bb]oard(?:\s+of\s+[Dd]irectors)?|[Hh]iring\s+committee)\s+(?:of|at)\s+${NAME}`,
    3,
    /\b(?:board|directors|committee)\s+(?:of|at)\b/i,
  ],
  // "the Analyst role at Northwind", "your interviews with Northwind", "feedback from Northwind"
  [
    String.raw`\b(?:role|position|opportunity|vacancy|opening|job|interviews?|process|application)\s+(?:at|with)\s+${NAME}`,
    2,
  ],
  [String.raw`\b(?:feedback|back)\s+from\s+${NAME}`, 1],
];

/** How the agency names itself in the body: "here at Harbor Talent", "I'm a recruiter with Apex Search". */
/**
 * How the agency names itself in the body: "here at Harbor Talent", "I'm a recruiter with Apex
 * Search", "Apex Search is a recruitment agency". Each behind the plain words it needs, so mail
 * without them is not searched for a name at every capital.
 */
const SELF: readonly [string, RegExp][] = [
  [String.raw`\bhere at\s+${NAME}`, /\bhere at\b/],
  [
    String.raw`\b(?:I'm|I am|[Ww]e're|[Ww]e are)\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:recruiter|consultant|partner|manager|agency|firm|team)\s+(?:at|with)\s+${NAME}`,
    /\b(?:recruiter|consultant|partner|manager|agency|firm|team)\s+(?:at|with)\b/,
  ],
  [
    String.raw`${NAME}\s+(?:is|are)\s+an?\s+(?:[\p{L}-]+\s+){0,2}?(?:recruitment|recruiting|staffing|search|resourcing)\s+(?:agency|firm|consultancy|company)`,
    /\b(?:recruitment|recruiting|staffing|search|resourcing)\s+(?:agency|firm|consultancy|company)\b/,
  ],
];

export interface AgencyInput {
  from: Address | null;
  flat: string;
  signatureLines: readonly string[];
  greeted: ReadonlySet<string>;
  /** The company the rest of the email points to (company.ts), which may be the agency itself. */
  company: string | null;
  /** The company the subject names ("Corvid Logistics – Transport Planner"): an agency's subject names its client. */
  subjectCompany?: string | null;
  /** The subject's company is only a bare subject's last part: it confirms a name the body gives, no more. */
  subjectGuess?: boolean;
}

/** The agency's own name: the sender's organisation, as the display name, signature or body writes it. */
function agencyName(input: AgencyInput): { name: string; own: boolean } | null {
  const found: string[] = [];
  const from = input.from;
  const label = from && !isAtsOrBoardAddress(from.address) ? employerDomainLabel(from.address) : null;
  const domain = label?.replace(/[^a-z0-9]/g, '') ?? null;
  /** The sender's own domain spells the name: "Brightfield Search" at brightfield-search.example, "Tarnside Executive Search" at tarnside-search.example. */
  const parts = label?.split(/[^a-z0-9]+/).filter((w) => w.length >= 3) ?? [];
  const mine = (name: string): boolean => {
    if (domain === null) return false;
    const sq = squash(name);
    return sq.includes(domain) || (parts.length > 1 && parts.every((w) => sq.includes(w)));
  };
  if (from?.name) {
    const parts = displayNameParts(from.name);
    if (parts.rest) found.push(parts.rest);
    else if (!looksLikePersonName(from.name)) found.push(from.name);
  }
  for (const line of input.signatureLines.slice(0, 8)) {
    for (const part of line.split(/\s+[·|–—-]\s+|\s*\|\s*|,\s+(?!(?:Inc|LLC|Ltd|Limited|GmbH|AG|plc|LP|LLP)\b)/)) {
      const name = part.trim();
      // "Brightfield Search" has a person's shape: its agency word or the sender's domain says otherwise.
      const person = looksLikePersonName(name) && !AGENCY_WORD.test(name) && !mine(name);
      // A job word ("Rutherford Kane Executive Search") is part of a name the sender's domain spells.
      if (NAME_ONLY.test(name) && (!ROLE_WORD.test(name) || mine(name)) && !person) found.push(name);
    }
  }
  for (const [re, gate] of SELF) if (gate.test(input.flat)) eachMatch(p(re), input.flat, (m) => found.push(m[1] ?? ''));
  // "The Marlow & Finch Talent Team" is a company's own team, not an agency called "… Talent".
  const names = found
    .filter((n) => !/\b(?:talent|recruitment|staffing|resourcing)\s+team$/i.test(n.trim()))
    .map((n) => cleanName(n.replace(/\s+(?:team|recruiting team)$/i, '')))
    .filter((n) => n.length > 1);
  const own = names.find(mine);
  if (own) return { name: own, own: true };
  const shaped = names.find((n) => AGENCY_WORD.test(n));
  return shaped ? { name: shaped, own: false } : null;
}

export function findAgency(input: AgencyInput): AgencyReading | null {
  const speaksOfClient = CLIENT.test(input.flat);
  const found = agencyName(input);
  const agency = found?.name ?? null;
  const agencyShaped = agency !== null && (AGENCY_WORD.test(agency) || AGENCY_NAME.test(input.flat));
  if (!speaksOfClient && !agencyShaped) return null;

  const isAgency = (name: string): boolean => {
    if (agency === null) return false;
    const [a, n] = [squash(agency), squash(name.replace(LEGAL_FORM, ''))];
    return a.includes(n) || n.includes(a);
  };
  const scores = new Map<string, { name: string; score: number }>();
  const subjectKey = input.subjectCompany ? squash(input.subjectCompany) : null;
  for (const [re, weight, gate] of CLIENT_PATTERNS) {
    if (gate && !gate.test(input.flat)) continue;
    eachMatch(p(re), input.flat, (m) => {
      // "Meriden Group's board has …": the name, not its possessive.
      const name = cleanName(m[1] ?? '').replace(/['’]s$/, '');
      if (!acceptableName(name, input.greeted) || isAgency(name)) return;
      // "feedback from Sarah", "your interviews with Dana Reyes": people, not the client — unless
      // the subject names the same ("Hawthorn Primary have now completed …").
      if (weight < 3 && looksLikePersonName(name) && squash(name) !== subjectKey) return;
      const key = squash(name);
      const s = scores.get(key) ?? { name, score: 0 };
      s.score += weight;
      scores.set(key, s);
    });
  }
  if (input.company && !isAgency(input.company)) {
    const s = scores.get(squash(input.company));
    if (s) s.score += 2;
  }
  // The subject of an agency writing from its own domain names the client it writes about.
  const subject = input.subjectCompany && !input.subjectGuess ? cleanName(input.subjectCompany) : null;
  if (found?.own && subject && !isAgency(subject) && acceptableName(subject, input.greeted)) {
    const key = squash(subject);
    const s = scores.get(key) ?? { name: subject, score: 0 };
    s.score += 2;
    scores.set(key, s);
  }
  const client = [...scores.values()].sort((a, b) => b.score - a.score)[0]?.name ?? null;
  // An agency-shaped sender that names no other employer is a company rejecting for itself.
  if (!speaksOfClient && client === null) return null;
  return { agency, client };
}

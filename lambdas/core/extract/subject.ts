// The role and the company a subject line names. Recruiting software writes subjects from a few
// templates — "Your application to ROLE at COMPANY", "COMPANY – ROLE (Req 1234)", "Update on your
// ROLE application", "Thank you for your interest in COMPANY", "Re: ROLE position" — so a subject
// is read as a head ("your application to", "update on", "thank you for your interest in") and an
// object, and the object is split by its joints (" at ", " for ", a dash, a bar, a colon). A part
// with a job word in it is the role; a part that is a name without one is the company.

import { ROLE_WORD } from '../names/index.ts';

// Patterns with \p{…} are built once, here: esbuild (and tsx) write each such literal as
// `new RegExp(…)` for Node 20 and 22, so one written inside a function is built on every call.
const STARTS_UPPER_OR_DIGIT = /^[\p{Lu}\d]/u;
const INITIAL_FIRST = /^\p{Lu}\.\s/u;
const LOWER_AFTER_COMMA = /,\s+\p{Ll}.*$/u;
const ROLE_WITH = /\s(?:role|position|opportunity|vacancy|opening)\s+with\s+(?=\p{Lu})/iu;
const ADDRESSEE =
  /\s*(?:\(([^()]{2,40})\)|,\s*([^,]{2,40})|\s(?:for|from)\s+(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2}))$/u;

export interface SubjectReading {
  role: string | null;
  company: string | null;
  /** The company is only the last part of a title ("Data Engineer Intern - New York" may be a place). */
  weak: boolean;
  /**
   * The company is a bare subject's last part ("Veterinary Nurse – Oakfield Vets", but also
   * "Research Assistant – Nguyen Lab", "SAP Analyst – Leeds"): a name only when something else agrees.
   */
  guess?: boolean;
}

/** What the subject is about comes after one of these: "Your application to …", "interest in …". */
const HEAD =
  /^(.*?)\b(?:(?:your|my|the|an?)\s+)?(?:(?:job|employment|internship)\s+)?(?:application|candidacy|submission|applying|applied|interest(?:\s+in\s+(?:joining|working\s+(?:at|for|with)))?|interview(?:ing)?|opportunity|opening|consideration)(?:\s+(?:status|update))?\s+(?:to|for|with|at|in|into)\s+(?:the\s+|our\s+)?(.+)$/i;
/**
 * The same head in German, French, Spanish, Dutch and Portuguese: "Ihre Bewerbung als X bei Y",
 * "Votre candidature au poste de X chez Y", "Su candidatura al puesto de X en Y", "Uw sollicitatie
 * voor de functie X bij Y", "Sua candidatura para a vaga de X na Y". Group 1: a word that names
 * the post ("als", "au poste de"), after which a title needs no English job word.
 */
const FOREIGN_HEAD =
  /\b(?:bewerbung|candidature|candidatura|sollicitatie|postulaci[óo]n)\s+(?:(als|um\s+die\s+stelle\s+(?:als)?|für\s+die\s+stelle\s+(?:als)?|au\s+poste\s+d(?:e\s+|')|pour\s+le\s+poste\s+d(?:e\s+|')|al\s+puesto\s+de|para\s+el\s+puesto\s+de|para\s+(?:a\s+)?vaga\s+de|à\s+vaga\s+de|ao\s+cargo\s+de|voor\s+de\s+(?:functie|vacature|positie)(?:\s+(?:van|als))?)\s*|(?:für|fuer|pour|para|voor|a|à|al)\s+(?:(?:la|le|el|de|die|den|o|a)\s+)?)?(.+)$/i;
/** The word a foreign subject puts before the company: "bei", "chez", "en", "bij", "na". */
const FOREIGN_AT = /\s(?:bei|chez|en|bij|na|no|em)\s(?!.*\s(?:bei|chez|en|bij|na|no|em)\s)/i;

/** "Update on your Data Analyst application", "Your IBM Application", "Splunk Application Update". */
const NOUN_LAST =
  /^(?:(?:an?\s+)?(?:update|news|follow[- ]?up|feedback|decision|outcome)\s+(?:on|about|regarding|re|to)\s+|regarding\s+|re\s*:\s*|about\s+)?(?:(?:your|the)\s+)?(.+?)\s+(?:job\s+)?(application|candidacy|position|role|opening|vacancy|job|post)(?:\s+(?:status|update|follow[- ]?up|feedback|decision))?$/i;
/** "Thank you from Thumbtack", "Note from Addepar", "Follow-up from Bazaarvoice". */
const FROM = /^(?:.*?\b)?(?:thank(?:s| you)|note|message|update|news|follow[- ]?up|greetings)\s+from\s+(.+)$/i;
/** Words a subject uses to say what kind of email it is. */
const KIND = String.raw`(?:application|candidacy|submission|update|status|news|decision|outcome|results?|feedback|information|notice|note|thank(?:s| you)|follow(?:ing)?[- ]?up|next steps?|regarding|interview|reminder|message|interest|time|sift|selection|shortlisting|examination)`;
/** A subject, or a part of one, that only says what kind of email it is: "Application Update", "Update on your application". */
const ABOUT_ITSELF = new RegExp(
  String.raw`^(?:(?:re|fwd?|your|my|an?|the|important|quick|final|job)\s+|${KIND}\s+(?:(?:on|about|regarding|to|for|of|in|with)\s+)?)*${KIND}(?:\s+(?:update|status|information|follow[- ]?up|received|submitted|feedback|process))*[\s!.:]*$`,
  'i',
);
/**
 * A step of the hiring the email is about, not a name nor a title: "Take-home feedback", "Writing
 * test", "Pairing session follow-up", "Cabin Crew Assessment Day", "Final round".
 */
const EVENT =
  /\b(?:tests?|challenges?|exercises?|assessments?|take-?homes?|case|sessions?|rounds?|interviews?|trial(?:\s+shift)?|chat|call|conversation|onsite|training|cohort|vote|roster|review|screen(?:ing)?|gig|search|catch-up|invitation)\b/i;
/**
 * What a subject adds after the title to say what the email is: "– outcome", "— thank you",
 * "– interview feedback", "– next steps", "– result of interview", "– vacancy withdrawn".
 */
const TRAILER = new RegExp(
  String.raw`^(?:(?:an?|the|your|my|our|final|honest|quick|small|job|hiring|selection|application|interview|portfolio|shortlisting|requisition|vacancy|search|position)\s+)*(?:${KIND}|concluded|withdrawn|closed|filled|cancelled|round|review|shifts?|hiring|update for .*|after your .*|can we .*|(?:result|outcome|feedback) (?:of|from|on) .*)(?:\s+(?:update|status|follow[- ]?up|\d+))?[\s!.?:]*$`,
  'i',
);
/** A filing code the subject carries: "Ref 22/419", "Vacancy 2291", "R0048812", "FC-25-118840". */
const CODE =
  /\b(?!(?:19|20)\d\d\b)\d{3,}|\b[A-Z]{1,4}-?\d{2,}|\d+\/\d+|\b(?:ref|reference|req|requisition|vacancy|competition|announcement)\b\.?\s*(?:no\.?\s*)?[\w/-]*\d/i;
const JOINT = /\s+[-–—|]\s+|\s*\|\s*|:\s+/;
/** Words that a company's name never holds: the subject is speaking. */
const SPEAKING =
  /\b(?:you|your|we|our|us|my|me|thank|thanks|please|update|application|applying|candidate|results?|outcome|decision|feedback|selection|process)\b|@/i;

const hasRoleWord = (s: string): boolean => ROLE_WORD.test(s);
/** A name: starts with a capital or digit, a few words long, no job word, not the subject speaking. */
const nameLike = (s: string): boolean =>
  STARTS_UPPER_OR_DIGIT.test(s) &&
  s.split(/\s+/).length <= 6 &&
  !hasRoleWord(s) &&
  !SPEAKING.test(s) &&
  !EVENT.test(s) &&
  !CODE.test(s) &&
  // "Candidate feedback – A. Haddad": a person, not a company.
  !INITIAL_FIRST.test(s);

const LAST_PART = /^(.*\S)(?:\s+[-–—|]\s+|\s*\|\s*|:\s+)(.*?)$/;
/** A title with what the subject says after it dropped: "Network Engineer II – outcome" → "Network Engineer II", "Practice Nurse interview" → "Practice Nurse". */
export function withoutTrailer(role: string): string {
  let out = role;
  for (
    let m = LAST_PART.exec(out);
    m?.[1] && m[2] && (TRAILER.test(m[2]) || (EVENT.test(m[2]) && !hasRoleWord(m[2])));
    m = LAST_PART.exec(out)
  )
    out = m[1];
  // "Practice Nurse interview", "Copywriter test – Northern Lights": the step after the title.
  const event = EVENT_AFTER.exec(out);
  if (event && hasRoleWord(out.slice(0, event.index)))
    out = out.slice(0, event.index) + out.slice(event.index + event[0].length);
  return out.replace(/^(?:search|recruitment|hiring|vacancy)\s+for\s+(?:the\s+|an?\s+)?/i, '');
}
const EVENT_AFTER =
  /\s+(?:interview|onsite|trial(?:\s+shift)?|test|chat|call|gig|search|exercise|challenge|application|recruitment|vote)(?=$|\s+[-–—|]\s)/i;

/** A role part without the words that say what the email is: "… Internship Application Update" → "… Internship". */
const roleOnly = (s: string): string =>
  withoutTrailer(
    s
      .replace(
        /\s+(?:job\s+)?(?:application|candidacy)(?:\s+(?:update|status|follow[- ]?up))?$|\s+(?:update|status)$/i,
        '',
      )
      // A filing number before the title: "Ref 22/419 Caretaker", "requisition R-55021 Clinical Data Coordinator".
      .replace(
        /^(?:ref(?:erence)?|req(?:uisition)?|vacancy|job|position)\.?\s*(?:no\.?\s*|#\s*)?[\w/-]*\d[\w/-]*\s+/i,
        '',
      )
      .trim(),
  ).trim();

/** "Nike, Inc, including its affiliates" → "Nike, Inc". */
const companyOnly = (s: string): string =>
  s
    .replace(LOWER_AFTER_COMMA, '')
    .replace(/[\s!,]+$/, '')
    .replace(/\.(?<!\b(?:Inc|Co|Corp|Ltd|L\.P|S\.A|N\.V|B\.V)\.)$/, '');

/** The object of a subject, split into role and company by its joints. */
function readObject(raw: string, fromHead: boolean): SubjectReading {
  let object = raw
    .replace(/,?\s*\b(?:job|req(?:uisition)?|ref(?:erence)?)\.?\s*(?:id|#|no\.?|number)\s*[:#]?\s*\S+$/i, '')
    .replace(/[\s!]+$/, '')
    .replace(/\.(?<!\b(?:Inc|Co|Corp|Ltd|L\.P|S\.A|N\.V|B\.V)\.)$/, '')
    .replace(/\s*[-–—|:]\s*$/, '');
  // Parts that only say what the email is: "Update - Data Analyst", "Your Job Application: Leasing Consultant".
  const aside = (part: string): boolean =>
    ABOUT_ITSELF.test(part) || (!hasRoleWord(part) && (EVENT.test(part) || CODE.test(part) || SPEAKING.test(part)));
  for (let lead = /^(.+?)(?:\s+[-–—|]\s+|\s*\|\s*|:\s+)/.exec(object); lead?.[1] && aside(lead[1]); ) {
    object = object.slice(lead[0].length);
    lead = /^(.+?)(?:\s+[-–—|]\s+|\s*\|\s*|:\s+)/.exec(object);
  }
  object = withoutTrailer(object);
  // "ROLE at COMPANY" — the last " at ": titles rarely hold one, companies more rarely.
  const at = object.lastIndexOf(' at ');
  if (at > 0) {
    const company = companyOnly(object.slice(at + 4).trim());
    const role = roleOnly(object.slice(0, at).trim());
    if (!hasRoleWord(company)) return { role: hasRoleWord(role) ? role : null, company, weak: false };
  }
  // "ROLE role with COMPANY": how an agency writes of its client's opening ("Senior Buyer role with Oakhurst Foods").
  const withAt = ROLE_WITH.exec(object);
  if (withAt) {
    const company = companyOnly(object.slice(withAt.index + withAt[0].length).trim());
    const role = roleOnly(object.slice(0, withAt.index).trim());
    if (nameLike(company) && !hasRoleWord(company)) return { role: role || null, company, weak: false };
  }
  // "COMPANY for ROLE": "interest in Zynga for Intern/Co-op Software Engineer".
  const forAt = object.search(/\s+for\s+/i);
  if (forAt > 0) {
    const before = object.slice(0, forAt);
    const after = object.slice(forAt).replace(/^\s+for\s+(?:the\s+)?/i, '');
    if (nameLike(before) && hasRoleWord(after)) return { role: roleOnly(after), company: before, weak: false };
  }
  const parts = object.split(JOINT);
  if (parts.length > 1) {
    const first = parts[0] ?? '';
    const last = parts.at(-1) ?? '';
    // "COMPANY – ROLE", "COMPANY: ROLE", "Acme | Application Update".
    if (nameLike(first)) {
      const rest = roleOnly(object.slice(first.length).replace(/^\s*[-–—|:]\s*/, ''));
      return {
        role: hasRoleWord(rest) && !ABOUT_ITSELF.test(rest) ? rest : null,
        company: companyOnly(first),
        weak: false,
      };
    }
    // "ROLE – COMPANY" ("Application for Software Developer - Intern - Khan Academy"): but a
    // title often ends in a place ("Data Engineer Intern - New York"), so the company is a guess.
    const rest = object.slice(0, object.length - last.length).replace(/\s*[-–—|:]\s*$/, '');
    if (nameLike(last) && hasRoleWord(rest) && /\s[-–—|]\s/.test(object))
      return { role: roleOnly(object), company: companyOnly(last), weak: true, guess: !fromHead };
  }
  if (hasRoleWord(object)) return { role: roleOnly(object), company: null, weak: false };
  return { role: null, company: nameLike(object) ? companyOnly(object) : null, weak: false };
}

/**
 * `greeted`: the words of the candidate's name, dropped where a subject adds it ("… (Conor Dewey)",
 * "Thanks for your interest in Wealthfront, Conor", "… for Conor Dewey").
 */
export function readSubject(subject: string, greeted: ReadonlySet<string> = new Set()): SubjectReading {
  let s = subject
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“]|["”]$/g, '');
  const addressee = ADDRESSEE.exec(s);
  const who = addressee?.[1] ?? addressee?.[2] ?? addressee?.[3];
  if (addressee && who?.split(/\s+/).some((w) => greeted.has(w.toLowerCase()))) s = s.slice(0, addressee.index);
  const none: SubjectReading = { role: null, company: null, weak: false };
  if (s === '' || ABOUT_ITSELF.test(s)) return none;
  const head = HEAD.exec(s);
  if (head?.[2]) {
    // "Thank you for your interest in Intel - update on your job application": the object ends
    // where the subject starts to speak of itself.
    const object = head[2].replace(/\s+[-–—|]\s+(?:update|status|feedback|decision|thank).*$/i, '');
    const read = readObject(object, true);
    // "Pandora Media, Inc.- Your application for …": the company before the head.
    const before = (head[1] ?? '').replace(/\s*[-–—|:]\s*$/, '').trim();
    if (read.company === null && before !== '' && nameLike(before)) return { ...read, company: companyOnly(before) };
    return read;
  }
  const foreign = FOREIGN_HEAD.exec(s);
  if (foreign?.[2]) {
    const object = foreign[2].replace(/[\s.!]+$/, '');
    const at = FOREIGN_AT.exec(object);
    const before = at ? object.slice(0, at.index) : object;
    const company = at ? companyOnly(object.slice(at.index + at[0].length)) : null;
    // "Ihre Bewerbung bei Acme": the company alone.
    if (/^(?:bei|chez|en|bij|na|no|em)\s/i.test(object))
      return { ...none, company: companyOnly(object.replace(/^\S+\s+/, '')) };
    const role = foreign[1] || hasRoleWord(before) ? roleOnly(before) : null;
    return { role, company: company ?? (role === null && nameLike(before) ? companyOnly(before) : null), weak: false };
  }
  const from = FROM.exec(s);
  if (from?.[1] && nameLike(from[1].replace(/[\s.!]+$/, ''))) return { ...none, company: companyOnly(from[1]) };
  const noun = NOUN_LAST.exec(s);
  if (noun?.[1] && !ABOUT_ITSELF.test(noun[1])) {
    const object = noun[1].replace(/\s*[-–—|:]\s*$/, '');
    // "Re: Junior Copywriter position": what a position noun follows is a title, job word or not.
    if (!/^(?:application|candidacy)$/i.test(noun[2] ?? '')) {
      const read = readObject(object, false);
      return read.role ? read : { ...none, role: roleOnly(object) };
    }
    if (hasRoleWord(object)) return readObject(object, false);
    // "Conor Dewey - Medallia Application": what the noun names is the part next to it.
    const near = object.split(JOINT).at(-1) ?? object;
    return { ...none, company: nameLike(near) ? companyOnly(near) : null };
  }
  // No head: "Acme – Data Analyst (Req 1234)", "Data Analyst - Application Update", "Thank You - Acme".
  return readObject(s, false);
}

// What the thank-you letter needs from a rejection: company, role, department, whom to thank,
// and how far the candidacy got (an interview to thank them for?). Null when the email does not
// say — a wrong name in a letter is worse than a blank the owner fills in.

import { findAgency } from './agency.ts';
import { findCompany } from './company.ts';
import { readFields } from './fields.ts';
import { findContacts, findSignature, greetedNames, greetingName, type Contact } from './contact.ts';
import { findOffers, type Offer } from './offers.ts';
import { findRole } from './role.ts';
import { findStage, type Stage } from './stage.ts';
import { readSubject } from './subject.ts';
import type { OriginalMail } from '../mail/index.ts';
import { normalizeText } from '../text/index.ts';
import { bareSubject } from '../subject/index.ts';

export interface Extraction {
  company: string | null;
  role: string | null;
  /** e.g. "Sales Department" when stated, else null. */
  department: string | null;
  contactName: string | null;
  contactEmail: string | null;
  /** The recruitment agency that wrote for the company, when one did: `company` is then its client. */
  agency: string | null;
  /**
   * How far the candidacy got: an interview (any call, screen or conversation with the company
   * happened), a test (an assessment or take-home, no interview shown), the application alone;
   * null when the email does not say.
   */
  stage: Stage | null;
  /** True when `stage` is an interview, false when the application alone, else null. */
  interviewed: boolean | null;
  /** From is a no-reply / team / ATS address: nobody to thank there. */
  noReplySender: boolean;
  /** People found who could receive the thank-you (deduplicated), best first. */
  candidates: Contact[];
  /** The name the email greets ("Alex"), to tell mail meant for someone else. */
  greeting?: string | null;
  /**
   * How the contact signed, when the sign-off is theirs: "Daniel" under "Warmly," from Daniel
   * Okafor, or the full name. Null when the email has no sign-off of theirs.
   */
  contactSigned?: string | null;
  /** A title the email itself gives the contact ("Ms.", "Dr"), written before their name; never guessed. */
  contactTitle?: string | null;
  /** What the email offers for the future (feedback, another opening, the talent pool …), in its own sentences. */
  offers?: Offer[];
}

const DEPARTMENT =
  /\b(?:the|our) ((?:[A-Z][\w&-]*)(?: (?:&|and|of) [A-Z][\w&-]*| [A-Z][\w&-]*){0,4}) (Department|Division|Dept\.?)(?=[\s,.;:!?)]|$)|\b(?:the|our) (Department|Division) of ([A-Z][\w&-]*(?: (?:&|and) [A-Z][\w&-]*| [A-Z][\w&-]*){0,4})/;

function findDepartment(flat: string): string | null {
  const m = DEPARTMENT.exec(flat);
  if (!m) return null;
  if (m[1] && m[2])
    return /^(?:human resources|hr|recruiting|talent acquisition)$/i.test(m[1])
      ? null
      : `${m[1]} ${m[2].replace(/\.$/, '')}`;
  return m[3] && m[4] ? `${m[3]} of ${m[4]}` : null;
}

const TITLE = String.raw`(Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)(\.?)`;
const TITLED = new RegExp(String.raw`^${TITLE}\s+`);
const words = (name: string): string[] => name.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * How the contact signed and the title the email gives them. The sign-off counts when each of
 * its words is one of the contact's ("Daniel" for Daniel Okafor); the title when the email writes
 * it right before their surname ("Ms. Ing", "Dr. Anita Pell").
 */
function signedBy(
  contact: string | null,
  signed: string | null,
  texts: readonly string[],
): { contactSigned: string | null; contactTitle: string | null } {
  if (!contact) return { contactSigned: null, contactTitle: null };
  const bare = contact.replace(TITLED, '');
  const mine = new Set(words(bare));
  const sign = signed?.replace(TITLED, '').trim() ?? '';
  const contactSigned = sign && words(sign).every((w) => mine.has(w)) ? sign : null;
  const surname = bare.split(/\s+/).at(-1) ?? '';
  const given = TITLED.exec(contact);
  if (given) return { contactSigned, contactTitle: `${given[1]}${given[2]}` };
  if (surname.length < 2 || bare === surname) return { contactSigned, contactTitle: null };
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = bare.split(/\s+/)[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(String.raw`(?:^|[^\p{L}])${TITLE}\s+(?:${first}\s+)?${escaped}(?![\p{L}])`, 'u');
  for (const text of texts) {
    const m = re.exec(text);
    if (m) return { contactSigned, contactTitle: `${m[1]}${m[2]}` };
  }
  return { contactSigned, contactTitle: null };
}

export function extract(mail: OriginalMail): Extraction {
  const { lines, flat } = normalizeText(mail.text);
  const subject = mail.subject.replace(/\s+/g, ' ').trim();
  // "Re: FW: Acme - Update" names Acme, not "Re".
  const about = bareSubject(subject);
  const greeted = greetedNames(lines);
  const signature = findSignature(lines);
  const subjectSays = readSubject(about, greeted);
  const fields = readFields(lines);
  const companyInput = {
    from: mail.from,
    subject: subjectSays,
    flat,
    signatureLines: signature.lines,
    greeted,
    field: fields.company,
  };
  const named = findCompany(companyInput);
  // An agency writing for a client: the letter thanks the client, and the owner is told who wrote.
  const agency = findAgency({
    from: mail.from,
    flat,
    signatureLines: signature.lines,
    greeted,
    company: named,
    subjectCompany: subjectSays.company,
    subjectGuess: subjectSays.guess === true,
  });
  const company = agency
    ? (agency.client ?? (agency.agency ? findCompany({ ...companyInput, exclude: agency.agency }) : named))
    : named;
  const contacts = findContacts(mail, signature, greeted, company);
  const offers = findOffers(flat);
  const offered = offers.filter((o) => o.kind === 'other-opening' || o.kind === 'future-role').map((o) => o.said);
  const role = findRole({ fieldRole: fields.role, subjectRole: subjectSays.role, flat, company, offered });
  const best = contacts.candidates[0];
  const stage = findStage(`${subject}\n${flat}`, subject);
  return {
    company,
    role,
    department: findDepartment(flat),
    contactName: best?.name ?? null,
    contactEmail: best?.address ?? null,
    agency: agency?.agency ?? null,
    stage,
    interviewed: stage === 'interview' ? true : stage === 'application' ? false : null,
    noReplySender: contacts.noReplySender,
    candidates: contacts.candidates,
    greeting: greetingName(lines),
    ...signedBy(best?.name ?? null, signature.name, [mail.from?.name ?? '', ...signature.lines.slice(0, 3), flat]),
    offers,
  };
}

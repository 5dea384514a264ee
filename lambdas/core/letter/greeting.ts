// The letter's first line, as a person would write it: the way the sender signed decides. Someone
// who signed "Daniel" is "Dear Daniel,"; someone who signed their full name is greeted in the
// owner's preferred form — the first name, or (formal) the title and surname where the email
// itself gives the title ("Dear Ms. Ing,"), else the full name. A title is never guessed: "Ms."
// for a woman's name is a guess that is wrong often enough to sour a letter. A team or no-reply
// sender is greeted as the team.
import type { Extraction } from '../extract/index.ts';

/** The owner's preference for a person who signed with their full name. */
export type GreetingStyle = 'first-name' | 'formal';

const TITLED = /^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\.?\s+/;
/** Particles that belong to a surname: "Anna de la Cruz" is Ms. de la Cruz. */
const PARTICLE = /^(?:van|von|de|da|del|der|den|la|le|di|du|dos|das|ter|ten)$/;

function firstName(name: string): string {
  // "Emily & Kevin" signed together: both first names already.
  if (/\s(?:&|and)\s/.test(name)) return name;
  return name.split(/\s+/)[0] ?? name;
}

function surname(name: string): string {
  const words = name.split(/\s+/);
  let at = words.length - 1;
  while (at > 1 && PARTICLE.test(words[at - 1] ?? '')) at--;
  return words.slice(at).join(' ');
}

/** The name the letter greets, without the "Dear" and the comma. */
function greetedAs(x: Extraction, style: GreetingStyle): string | null {
  if (!x.contactName) return null;
  const name = x.contactName.replace(TITLED, '').trim();
  const whole = name.split(/\s+/).length;
  const signed = x.contactSigned?.trim() ?? null;
  // Signed with one name: that is how they want to be addressed, whatever the owner's preference.
  if (signed && signed.split(/\s+/).length === 1 && whole > 1) return signed;
  // One word (a first name alone, or 王伟 written without a space): as written.
  if (whole === 1) return name;
  if (style === 'first-name') return firstName(name);
  return x.contactTitle ? `${x.contactTitle} ${surname(name)}` : name;
}

const TEAM_WORD = /\b(?:recruit\w*|talent|people|careers|hr|staffing|resourcing|hiring)\b/i;

export function greetingLine(x: Extraction, style: GreetingStyle): string {
  const person = greetedAs(x, style);
  if (person) return `Dear ${person},`;
  // An agency's team wrote for its client: the letter goes to the agency, so its team is greeted.
  const team = x.agency ?? x.company;
  if (!team) return 'Dear Hiring Team,';
  // "Pemberton Recruitment" is a team already: "Dear Pemberton Recruitment Team,", not "… Recruitment Recruiting Team".
  if (/\bteam$/i.test(team)) return `Dear ${team},`;
  return TEAM_WORD.test(team) ? `Dear ${team} Team,` : `Dear ${team} Recruiting Team,`;
}

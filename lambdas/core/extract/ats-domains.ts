// Who sent the mail, judged by its address alone. Recruiting software and job boards send on
// behalf of thousands of employers, so their domain says nothing about the company; free-mail
// domains say nothing either. Role mailboxes (careers@, no-reply@) have nobody to thank.

/** Applicant-tracking systems and job boards that send mail on behalf of employers (one spaced string: the smallest bundle). */
const ATS_AND_BOARD_DOMAINS = (
  'greenhouse.io greenhouse-mail.io lever.co hire.lever.co myworkday.com myworkdayjobs.com ' +
  'workday.com icims.com smartrecruiters.com ashbyhq.com jobvite.com taleo.net taleo.com ' +
  'successfactors.com successfactors.eu sapsf.com sapsf.eu indeed.com indeedemail.com ' +
  'linkedin.com ziprecruiter.com glassdoor.com monster.com dice.com careerbuilder.com ' +
  'avature.net breezy.hr bamboohr.com workable.com workablemail.com recruitee.com ' +
  'teamtailor.com teamtailor-mail.com jazzhr.com applytojob.com personio.de personio.com ' +
  'pinpointhq.com rippling.com gem.com paradox.ai phenom.com phenompeople.com gr8people.com ' +
  'cornerstoneondemand.com csod.com ultipro.com paycomonline.net hirebridge.com ' +
  'jobscore.com recruiterbox.com freshteam.com zohorecruit.com manatal.com comeet.co ' +
  'homerun.co join.com handshake.com joinhandshake.com wellfound.com angel.co hired.com ' +
  'otta.com welcometothejungle.com stepstone.de xing.com seek.com.au reed.co.uk ' +
  'totaljobs.com simplyhired.com jobcase.com snagajob.com mail.beamery.com eightfold.ai ' +
  'hirevue.com myjobhelper.com neuvoo.com talent.com jobs2careers.com'
).split(' ');

/** Free and consumer mail providers: a recruiter writing from one of these names no company. */
const FREE_MAIL_DOMAINS = (
  'gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com ' +
  'icloud.com me.com aol.com proton.me protonmail.com gmx.com gmx.de web.de mail.com ' +
  'zoho.com yandex.com fastmail.com hey.com tutanota.com duck.com'
).split(' ');

/** One word of a mailbox's local part that marks it as a function, not a person. */
const ROLE_WORD =
  /^(?:noreply|donotreply|notifications?|notify|mailer|alerts?|jobs?|careers?|recruit\w*|talent\w*|hr|humanresources|people|hiring|staffing|apply|applications?|applicants?|candidates?|campus\w*|university\w*|info|hello|team|support|admin)$/i;
/** Role words glued to a brand ("acmecareers", "acmejobs"). */
const ROLE_SUFFIX = /(?:careers|jobs|recruiting|recruitment|talent|no[-_.]?reply|do[-_.]?not[-_.]?reply)$/i;

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const ATS_AND_BOARD = new Set(ATS_AND_BOARD_DOMAINS);
/** The services' names as mail writes them ("Greenhouse", "SmartRecruiters", "Ashby"), squashed. */
const ATS_AND_BOARD_NAMES = new Set(
  ATS_AND_BOARD_DOMAINS.flatMap((d) => {
    const label = d.split('.').at(-2) ?? d;
    return [label.replace(/-/g, ''), label.replace(/(?:hq|mail|ondemand|online|people)$/, '')];
  }).filter((n) => n.length >= 3),
);

/** The name of recruiting software or a job board ("LinkedIn", "Greenhouse"), compared squashed. */
export function isAtsOrBoardName(squashed: string): boolean {
  return ATS_AND_BOARD_NAMES.has(squashed);
}
const FREE_MAIL = new Set(FREE_MAIL_DOMAINS);

/** The domain is in the set, or a subdomain of one in it: a lookup per label, not per entry. */
function endsWithDomain(domain: string, set: ReadonlySet<string>): boolean {
  for (let at = -1, d = domain; ; ) {
    if (set.has(d)) return true;
    at = domain.indexOf('.', at + 1);
    if (at < 0) return false;
    d = domain.slice(at + 1);
  }
}

/** True when the address is hosted by recruiting software or a job board (any employer's mail). */
export function isAtsOrBoardAddress(address: string): boolean {
  return endsWithDomain(domainOf(address), ATS_AND_BOARD);
}

function isFreeMailAddress(address: string): boolean {
  return endsWithDomain(domainOf(address), FREE_MAIL);
}

/** no-reply@, careers@, recruiting@ …: a mailbox nobody in particular reads. */
export function isRoleMailbox(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  return ROLE_SUFFIX.test(local) || local.split(/[-_.+]/).some((word) => ROLE_WORD.test(word));
}

const SUFFIX_LABEL = /^(?:co|com|org|net|ac|gov|govt|gob|gouv|edu|nhs|sch|mil|gc|vic|nsw|qld|tas|act|wa|sa|nt)$/;

/**
 * The registrable label of an employer's own domain ("acme" for jobs.acme.co.uk), or null when the
 * domain belongs to an ATS, a job board or a free-mail provider and so names no employer.
 */
export function employerDomainLabel(address: string): string | null {
  if (isAtsOrBoardAddress(address) || isFreeMailAddress(address)) return null;
  const parts = domainOf(address).split('.').filter(Boolean);
  if (parts.length < 2) return null;
  // Public suffixes below the top level push the label left: co.uk, com.au, govt.nz, gc.ca,
  // nhs.uk, sch.uk, and a state before gov.au (vic.gov.au).
  let at = parts.length - 2;
  while (at > 0 && SUFFIX_LABEL.test(parts[at] ?? '')) at--;
  const label = parts[at] ?? null;
  return label && label !== 'example' && !SUFFIX_LABEL.test(label) ? label : null;
}

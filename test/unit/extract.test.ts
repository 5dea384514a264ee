import { describe, expect, it } from 'vitest';
import { extract } from '../../lambdas/core/extract/index.ts';
import { greetsSomeoneElse } from '../../lambdas/core/names/index.ts';
import type { Address, OriginalMail } from '../../lambdas/core/mail/index.ts';
import { readRejection } from '../../lambdas/core/reading/index.ts';
import { directMail, figures } from '../../scripts/eval.ts';
import { describeOnEmails } from '../support/corpus.ts';
import { original } from '../support/fakes.ts';

function mail(from: Address | null, subject: string, text: string, extra: Partial<OriginalMail> = {}): OriginalMail {
  return original({ from, subject, text, ...extra });
}

describe('extract: company', () => {
  it('takes the employer from "X via Indeed", never the job board', () => {
    const x = extract(
      mail(
        { name: 'Brightwater Dental via Indeed', address: 'indeedapply@indeed.com' },
        'Update on your application',
        'Unfortunately, Brightwater Dental has decided not to move forward with your Dental Assistant application at this time.',
      ),
    );
    expect(x.company).toBe('Brightwater Dental');
  });

  it('never names an ATS from its domain, and says null when nothing names the company', () => {
    const x = extract(
      mail(
        { name: 'Careers', address: 'no-reply@greenhouse.io' },
        'Your application',
        'Hi Ana,\n\nThank you for applying. We have decided to move forward with other candidates.\n\nBest,\nCareers\n\nPowered by Greenhouse',
      ),
    );
    expect(x.company).toBeNull();
  });

  it('strips mailbox words from the sender name and prefers the formal name from the body', () => {
    const x = extract(
      mail(
        { name: 'The Larkspur Recruiting Team', address: 'recruiting@larkspur.example' },
        'Your application to Larkspur',
        'Thank you for your interest in Larkspur. We have decided to pursue other candidates.\n\nThank you again for your interest in an employment opportunity with Larkspur, Inc.\n\nThe Larkspur Recruiting Team',
      ),
    );
    expect(x.company).toBe('Larkspur, Inc.');
  });

  it('uses the sender domain only when the text writes that name', () => {
    const written = extract(
      mail(
        { name: 'Priya Nair', address: 'priya.nair@quillfeather.example' },
        'Update',
        'Hi Leo,\n\nThanks for talking with me. The Quillfeather hiring panel decided not to move forward.\n\nPriya',
      ),
    );
    const unwritten = extract(
      mail(
        { name: 'Priya Nair', address: 'priya.nair@quillfeather.example' },
        'Update',
        'Hi Leo,\n\nThanks for your time. We decided not to move forward.\n\nPriya',
      ),
    );
    expect(written.company).toBe('Quillfeather');
    expect(unwritten.company).toBeNull();
  });
});

describe('extract: role and department', () => {
  it.each([
    [
      'the X position',
      'Thank you for applying to the Senior Payroll Specialist position at Orchard Foods. Unfortunately we will not be moving forward.',
      'Senior Payroll Specialist',
    ],
    [
      'the role of X',
      'Thank you for taking the time to apply for the role of Warehouse Supervisor with Orchard Foods. We have filled this position.',
      'Warehouse Supervisor',
    ],
    [
      'our X opening',
      'Thank you for your interest in our Registered Nurse (Night Shift) opening. We have decided to pursue other candidates.',
      'Registered Nurse (Night Shift)',
    ],
  ])('reads "%s" in the body', (_pattern, text, role) => {
    expect(
      extract(mail({ name: 'Orchard Foods HR', address: 'hr@orchardfoods.example' }, 'Your application', text)).role,
    ).toBe(role);
  });

  it('falls back to the subject ("Your application for X at Y")', () => {
    const x = extract(
      mail(
        { name: 'Orchard Foods', address: 'no-reply@orchardfoods.example' },
        'Your application for Forklift Operator at Orchard Foods',
        'Dear Sam,\n\nAfter review, your skills do not align with our needs at this time.\n\nOrchard Foods',
      ),
    );
    expect(x.role).toBe('Forklift Operator');
  });

  it('never takes another role the email offers for the one applied for', () => {
    const x = extract(
      mail(
        { name: 'Ilse Varga', address: 'ilse@quaymark.example' },
        'Warehouse Supervisor - final interview',
        'Hi Sam,\n\nThank you for meeting the team last Thursday. We have chosen another candidate.\n\nWe are opening a Logistics Lead role in March and I would be glad to put you forward for it if you are interested.\n\nBest,\nIlse',
      ),
    );
    expect(x.role).toBe('Warehouse Supervisor');
    expect(x.offers).toEqual([expect.objectContaining({ kind: 'other-opening' })]);
  });

  it('gives null rather than a guess when no role is named', () => {
    const x = extract(
      mail(
        { name: 'Orchard Foods', address: 'no-reply@orchardfoods.example' },
        'Thank you for applying',
        'Thank you for applying to Orchard Foods. We will not be moving forward with your application.',
      ),
    );
    expect(x.role).toBeNull();
  });

  it('finds a stated department', () => {
    const x = extract(
      mail(
        { name: 'Orchard Foods', address: 'no-reply@orchardfoods.example' },
        'Update',
        'Thank you for interviewing with the Sales Department for the Account Executive position. We have decided to move forward with another candidate.',
      ),
    );
    expect(x.department).toBe('Sales Department');
  });
});

describe('extract: whom to thank', () => {
  it('takes a person sending from their own mailbox', () => {
    const x = extract(
      mail(
        { name: 'Grace Obi', address: 'grace.obi@tidewell.example' },
        'Your application',
        'Hi Ken,\n\nThank you for speaking with me. We will not be moving forward.\n\nBest,\nGrace Obi\nTalent Partner\nTidewell',
      ),
    );
    expect(x).toMatchObject({
      contactName: 'Grace Obi',
      contactEmail: 'grace.obi@tidewell.example',
      noReplySender: false,
    });
    expect(x.candidates).toHaveLength(1);
  });

  it('finds nobody at a no-reply or team address, but keeps a signed name', () => {
    const team = extract(
      mail(
        { name: 'Tidewell Recruiting Team', address: 'no-reply@tidewell.example' },
        'Update',
        'Hi Ken,\n\nWe have decided to move forward with other candidates.\n\nRegards,\nTidewell Recruiting Team',
      ),
    );
    const signed = extract(
      mail(
        { name: 'Tidewell Recruiting Team', address: 'no-reply@hire.lever.co' },
        'Update',
        'Hi Ken,\n\nWe have decided to move forward with other candidates.\n\nRegards,\nMarta Silva\nSenior Recruiter, Tidewell\nmarta.silva@tidewell.example',
      ),
    );
    expect(team).toMatchObject({ contactName: null, contactEmail: null, noReplySender: true });
    expect(signed).toMatchObject({
      contactName: 'Marta Silva',
      contactEmail: 'marta.silva@tidewell.example',
      noReplySender: true,
    });
    expect(signed.candidates[0]?.source).toBe('signature');
  });

  it('never takes the candidate\'s own name ("Thanks, Jayden.") for the sender', () => {
    const x = extract(
      mail(
        { name: 'Hudson Labs', address: 'no-reply@hudsonlabs.example' },
        'Your application',
        'Dear Jayden Udall,\n\nWe have decided to move forward with other candidates for the open Test Engineer role.\n\nThanks, Jayden Udall.',
      ),
    );
    expect(x.contactName).toBeNull();
  });

  it('offers people in Cc as candidates, deduplicated', () => {
    const x = extract(
      mail(
        { name: 'Careers', address: 'careers@tidewell.example' },
        'Update',
        'Hi Ken,\n\nWe have filled the Mechanic position.\n\nRegards,\nCareers',
        {
          cc: [
            { name: 'Ola Berg', address: 'ola.berg@tidewell.example' },
            { name: 'Ola Berg', address: 'ola.berg@tidewell.example' },
            { name: null, address: 'jobs@tidewell.example' },
          ],
        },
      ),
    );
    expect(x.candidates).toEqual([{ name: 'Ola Berg', address: 'ola.berg@tidewell.example', source: 'cc' }]);
  });
});

describe('extract: names written with accents', () => {
  // Recruiters are called Jürgen, José, Zoë and Łukasz; their companies Brändli & Söhne.
  it('takes a person with accented names from their own mailbox, and the company the body names', () => {
    const x = extract(
      mail(
        { name: 'Jürgen Müller', address: 'juergen.mueller@braendli.example' },
        'Your application',
        'Dear Sam,\n\nThank you for interviewing for the Data Analyst position at Brändli & Söhne. Unfortunately, we have decided to move forward with other candidates.\n\nBest regards,\nJürgen Müller\nTalent Team, Brändli & Söhne',
      ),
    );
    expect(x).toMatchObject({
      company: 'Brändli & Söhne',
      role: 'Data Analyst',
      contactName: 'Jürgen Müller',
      contactEmail: 'juergen.mueller@braendli.example',
      noReplySender: false,
    });
  });

  it.each([
    ['José Álvarez', 'jose.alvarez@orchard.example'],
    ['Zoë Lefèvre', 'zlefevre@orchard.example'],
    ['Łukasz Żółć', 'lukasz@orchard.example'],
  ])('%s signing from %s is someone to thank', (name, address) => {
    const x = extract(
      mail(
        { name, address },
        'Update',
        `Hi Sam,\n\nThanks for your time. We decided not to move forward.\n\nBest,\n${name}`,
      ),
    );
    expect(x.contactName).toBe(name);
    expect(x.noReplySender).toBe(false);
  });

  it('never takes the greeted candidate for the sender, accents and all', () => {
    const x = extract(
      mail(
        { name: 'Careers', address: 'careers@orchard.example' },
        'Update',
        'Hi Zoë Lefèvre,\n\nWe decided not to move forward.\n\nThanks,\nZoë Lefèvre',
      ),
    );
    expect(x.contactName).toBeNull();
  });
});

describe('extract: Outlook-shaped names and company mentions', () => {
  const riverside =
    'Good afternoon Sam,\n\nThank you for coming in to interview for the Program Coordinator position with the Riverside Foundation. We enjoyed meeting you.\n\nAfter careful deliberation, the committee has selected another candidate for the position.\n\nAnna Kowalski\nDirector of Programs\nRiverside Foundation';

  it('greets "Kowalski, Anna" as Anna Kowalski, and finds "the Riverside Foundation" on a hyphenated domain', () => {
    const x = extract(
      mail(
        { name: 'Kowalski, Anna', address: 'anna.kowalski@riverside-foundation.org' },
        'Program Coordinator - Decision',
        riverside,
        { cc: [{ name: 'Hiring Team', address: 'hiring@riverside-foundation.org' }] },
      ),
    );
    expect(x).toMatchObject({
      contactName: 'Anna Kowalski',
      contactEmail: 'anna.kowalski@riverside-foundation.org',
      company: 'Riverside Foundation',
      role: 'Program Coordinator',
    });
  });

  // Names written surname first, or in their own capitals, are people, not a company
  // ("Dear MacDonald, Fiona hiring team,").
  it.each([
    ['MacDonald, Fiona', 'fiona.macdonald@riverside-foundation.org', 'Fiona MacDonald'],
    ['O’Brien, Siobhan', 'siobhan.obrien@riverside-foundation.org', 'Siobhan O’Brien'],
    ['de la Cruz, Juan', 'jdelacruz@riverside-foundation.org', 'Juan de la Cruz'],
    ["Anne-Marie D'Souza", 'amdsouza@riverside-foundation.org', "Anne-Marie D'Souza"],
    ['DeShawn Jones', 'djones@riverside-foundation.org', 'DeShawn Jones'],
  ])('reads %s as a person, not a company', (name, address, person) => {
    const x = extract(
      mail({ name, address }, 'Program Coordinator - Decision', riverside.replace('Anna Kowalski', person)),
    );
    expect(x).toMatchObject({ contactName: person, contactEmail: address, company: 'Riverside Foundation' });
  });

  it('does not take a one-word brand written like a name ("HubSpot") for a person', () => {
    const x = extract(
      mail(
        { name: 'HubSpot', address: 'careers@hubspot.example' },
        'Your application',
        'Dear Sam,\n\nWe have decided to move forward with other candidates.\n\nThe Recruiting Team',
      ),
    );
    expect(x).toMatchObject({ company: 'HubSpot', contactName: null });
  });

  it('leaves a name with a suffix after the comma as written', () => {
    const x = extract(
      mail(
        { name: 'John Smith, Jr.', address: 'john.smith@riverside-foundation.org' },
        'Decision',
        riverside.replace('Anna Kowalski', 'John Smith'),
      ),
    );
    expect(x.contactName).toBe('John Smith, Jr.');
  });
});

describe('extract: subjects and signatures that name the company', () => {
  it('reads past reply and forward prefixes, and a title beside the company in the signature', () => {
    const x = extract(
      mail(
        { name: 'Marta Ruiz', address: 'marta@acailabs.example' },
        'Re: FW: Your application — Product Designer',
        'Hola Sam,\n\nThank you for your interest in the Product Designer role. We have chosen another candidate.\n\nBest,\nMarta Ruiz\nPeople Partner · Açaí Labs S.L.',
      ),
    );
    expect(x).toMatchObject({ company: 'Açaí Labs S.L.', role: 'Product Designer' });
    const re = extract(
      mail(
        { name: 'Careers', address: 'careers@orbital.example' },
        'Re: FW: Orbital - Update',
        'We have chosen another candidate.',
      ),
    );
    expect(re.company).toBe('Orbital');
  });

  it('takes the company from the sender’s domain when the signature writes it without a sign-off', () => {
    const text =
      'Hi Sam,\n\nThank you for meeting with our design team for the Product Designer role.\n\nUnfortunately, we have decided not to move forward with your candidacy.\n\nPriya Natarajan\nDesign Recruiting Lead\nLumencraft';
    expect(
      extract(
        mail(
          { name: 'Priya Natarajan', address: 'priya.natarajan@lumencraft.example' },
          'Update on your application - Product Designer',
          text,
        ),
      ).company,
    ).toBe('Lumencraft');
  });

  it('reads "Acme - Careers" and "Stripe | Jobs" as a company and its mailbox, not a person', () => {
    expect(
      extract(
        mail(
          { name: 'Acme - Careers', address: 'careers@acme.example' },
          'Update',
          'We have chosen another candidate.',
        ),
      ).company,
    ).toBe('Acme');
    expect(
      extract(
        mail({ name: 'Stripe | Jobs', address: 'jobs@stripe.example' }, 'Update', 'We have chosen another candidate.'),
      ).company,
    ).toBe('Stripe');
  });

  it('keeps "& Co." with the name', () => {
    const x = extract(
      mail(
        { name: 'Zoë & Co. Careers', address: 'careers@zoeandco.example' },
        'Your application',
        'Dear Sam,\n\nThank you for your interest in Zoë & Co. Unfortunately we will not be moving forward.\n\nZoë & Co. Talent',
      ),
    );
    expect(x.company).toBe('Zoë & Co.');
  });
});

describe('extract: signatures and display names as people write them', () => {
  const body = (closing: string, footer = '') =>
    `Hi Sam,\n\nThank you for interviewing with us for the Data Analyst position. Unfortunately, we have decided to move forward with another candidate.\n\n${closing}\nDana Whitfield\nSenior Recruiter, ZyxCorp\ndana.whitfield@zyxcorp.example${footer}`;
  const careers = { name: 'ZyxCorp Careers', address: 'careers@zyxcorp.example' };

  it.each(['Best regards,', 'Best wishes,', 'Sincerely yours,', 'Thanks again,', 'Best,'])(
    'finds who signed after “%s”',
    (closing) => {
      expect(extract(mail(careers, 'Update', body(closing)))).toMatchObject({
        contactName: 'Dana Whitfield',
        contactEmail: 'dana.whitfield@zyxcorp.example',
      });
    },
  );

  it('finds who signed above a long legal footer', () => {
    const footer = `\n\n${Array.from({ length: 24 }, (_, i) => `Confidentiality notice, line ${i + 1}: this message may contain privileged information.`).join('\n')}`;
    expect(extract(mail(careers, 'Update', body('Best,', footer))).contactName).toBe('Dana Whitfield');
  });

  it.each([
    ['Dana Whitfield (she/her)', 'Dana Whitfield'],
    ['Dana Whitfield | ZyxCorp', 'Dana Whitfield'],
    ['dana whitfield', 'Dana Whitfield'],
    ['王伟', '王伟'],
  ])('takes “%s” for a person to thank, not a company', (name, person) => {
    const x = extract(
      mail(
        { name, address: 'dana@zyxcorp.example' },
        'Update',
        'Hi Sam,\n\nThank you for interviewing for the Data Analyst position at ZyxCorp. We have chosen another candidate.',
      ),
    );
    expect(x).toMatchObject({
      contactName: person,
      contactEmail: 'dana@zyxcorp.example',
      noReplySender: false,
      company: 'ZyxCorp',
    });
  });

  it('keeps markup typed into a plain-text email out of the role', () => {
    const x = extract(
      mail(
        careers,
        'Update',
        'Thank you for applying to the Senior <b>Engineer</b> <script>alert("x")</script> position. We have chosen another candidate.',
      ),
    );
    expect(x.role).toBe('Senior Engineer');
  });
});

describe('extract: whom the email greets', () => {
  it.each([
    ['Dear Alex,\n\nWe chose another candidate.', 'Alex'],
    ['Hi Jayden Udall,\n\nWe chose another candidate.', 'Jayden Udall'],
    ['Zoë,\n\nWe chose another candidate.', 'Zoë'],
    ['Unfortunately, we chose another candidate.', null],
    ['Dear Candidate,\n\nWe chose another candidate.', null],
    ['Hello,\n\nWe chose another candidate.', null],
    ['Dear Sir or Madam,\n\nWe chose another candidate.', null],
    ['Dear Valued Candidate,\n\nWe chose another candidate.', null],
    ['Application Update,\n\nWe chose another candidate.', null],
  ])('reads the greeting of “%s” as %s', (text, name) => {
    expect(extract(mail(null, 'Update', text)).greeting).toBe(name);
  });

  it.each([
    ['Alex', 'Sam Rivera', true],
    ['Sam', 'Sam Rivera', false],
    ['Samantha', 'Sam Rivera', false],
    ['Ms. Rivera', 'Sam Rivera', false],
    ['Zoë', 'Zoe Martin', false],
    [null, 'Sam Rivera', false],
  ])('“%s” greeting %s is someone else: %s', (greeting, owner, expected) => {
    expect(greetsSomeoneElse(greeting, owner)).toBe(expected);
  });
});

describe('extract: whether an interview happened', () => {
  const from = { name: 'Tidewell Careers', address: 'careers@tidewell.example' };
  it('is true after an interview, false after only an application, null when unknown', () => {
    expect(
      extract(
        mail(
          from,
          'Update',
          'Thank you for taking the time to interview with us. We have decided to move forward with another candidate.',
        ),
      ).interviewed,
    ).toBe(true);
    expect(
      extract(
        mail(
          from,
          'Update',
          'Thank you for interviewing for the Data Analyst position. We have decided to move forward with another candidate.',
        ),
      ).interviewed,
    ).toBe(true);
    expect(
      extract(
        mail(
          from,
          'Update',
          'Thank you for coming in to meet the team last Wednesday. We have chosen another candidate.',
        ),
      ).interviewed,
    ).toBe(true);
    expect(
      extract(mail(from, 'Update', "Thanks again for Friday's video call. We have chosen another candidate."))
        .interviewed,
    ).toBe(true);
    expect(
      extract(
        mail(from, 'Update', 'Thank you for applying. After reviewing your application we will not be moving forward.'),
      ).interviewed,
    ).toBe(false);
    expect(
      extract(
        mail(
          from,
          'Update',
          "We've decided to pursue candidates whose experience more closely aligns with the role. We won't be scheduling an interview at this time.",
        ),
      ).interviewed,
    ).toBe(false);
    expect(
      extract(mail(from, 'Update', 'We have decided to move forward with another candidate.')).interviewed,
    ).toBeNull();
  });
});

// On the corpus, as for classify: the targets are held on the file the extractor was tuned on.
describeOnEmails(
  'extract: labelled emails',
  (records) => {
    const outcomes = records
      .filter((r) => !r.ambiguous)
      .map((record) => {
        const { classification: c, extraction: x } = readRejection(directMail(record), []);
        return { record, c, x };
      });
    const f = figures(outcomes);

    it('meets company ≥ 0.95, role ≥ 0.90 and contact name ≥ 0.90 over the rejections', () => {
      expect(f.company).toBeGreaterThanOrEqual(0.95);
      expect(f.role).toBeGreaterThanOrEqual(0.9);
      expect(f.contact).toBeGreaterThanOrEqual(0.9);
    });
  },
  { corpus: ['emails.jsonl'] },
);

// Plain signals of company, role and interview, written as people write them.
describe('extract: plain signals in everyday wording', () => {
  const no = 'We have decided not to move forward with your application.';

  it('takes the company the body names over one word on an ATS mailbox, which may be a person ("Hannah")', () => {
    expect(
      extract(
        mail(
          { name: 'Hannah', address: 'no-reply@greenhouse.io' },
          'Update',
          `Hi Sam,\n\nThank you for applying to the Data Analyst role at Acme Robotics. ${no}\n\nRecruiting`,
        ),
      ).company,
    ).toBe('Acme Robotics');
  });

  it.each(['HubSpot Ireland', 'FedEx Freight', 'YouTube Music'])(
    'reads the brand %s as a company, not a person',
    (name) => {
      expect(
        extract(mail({ name, address: 'careers@brand.example' }, 'Update', `Hi Sam,\n\n${no}\n\nBest`)).company,
      ).toBe(name);
    },
  );

  it('takes one word on an ATS no-reply mailbox as the employer, but not the job board’s own name', () => {
    expect(
      extract(
        mail({ name: 'Quillstone', address: 'no-reply@hire.lever.co' }, 'Following up', `Hi Sam,\n\n${no}\n\nThe Team`),
      ).company,
    ).toBe('Quillstone');
    expect(
      extract(mail({ name: 'Dice', address: 'noreply@dice.com' }, 'Following up', `Hi Sam,\n\n${no}\n\nThe Team`))
        .company,
    ).toBeNull();
  });

  it.each([
    ['Senior Technical Recruiter | Tallgrass Software', 'priya.raman@tallgrass-software.example', 'Tallgrass Software'],
    ['Controller, Corvid Health Partners', 'jwhitaker@corvid-health.example', 'Corvid Health Partners'],
    ['Art Director, Ferngrove Studio', 'lena@ferngrove.example', 'Ferngrove Studio'],
  ])('reads the company from a signature line “%s” that the sender’s domain spells', (line, address, company) => {
    const x = extract(
      mail({ name: 'Jo Park', address }, 'Your application', `Hi Sam,\n\n${no}\n\nKind regards,\n\nJo Park\n${line}`),
    );
    expect(x.company).toBe(company);
  });

  it.each([
    ['Risk Analyst II (R-0048213) - Application Update', 'Risk Analyst II'],
    ['Software Engineer, Backend (Remote - US) - Application Update', 'Software Engineer, Backend (Remote - US)'],
    ['Feedback - Senior Data Engineer at Larkspur Energy', 'Senior Data Engineer'],
  ])('reads the role from the subject “%s”', (subject, role) => {
    expect(extract(mail({ name: 'Jo Park', address: 'jo@example.org' }, subject, `Hi Sam,\n\n${no}\n\nJo`)).role).toBe(
      role,
    );
  });

  it.each([
    'Thank you for your time interviewing for the position of UX Researcher.',
    'Thank you for the take-home and the final panel with Oleg and Desmond.',
    'Thanks again for joining us on the office tour last week.',
  ])('knows an interview happened: “%s”', (said) => {
    expect(
      extract(mail({ name: 'Jo Park', address: 'jo@example.org' }, 'Update', `Hi Sam,\n\n${said} ${no}\n\nJo`))
        .interviewed,
    ).toBe(true);
  });
});

describe('extract: the role as the letter should name it', () => {
  const from = { name: 'Corvane Talent Acquisition', address: 'talent@corvane.example' };
  const role = (body: string, subject = 'Your application'): string | null =>
    extract(mail(from, subject, `Hi Sam,\n\n${body}\n\nCorvane Talent Acquisition`)).role;

  it.each([
    // requisition codes and ATS status out, before or after the title
    ['Thank you for applying for the position of Claims Adjuster II (R-0048213).', 'Claims Adjuster II'],
    ['Thank you for applying for the position of Senior Social Worker (Ref 331-SW-26).', 'Senior Social Worker'],
    ['The job posting Patient Access Representative (R-04418) has been cancelled.', 'Patient Access Representative'],
    ['Thank you for applying for the position of Faculty Administrator (Ref. No. 7714).', 'Faculty Administrator'],
    ['Thank you for applying for the position of Mechanical Designer, Req ID 55120BR.', 'Mechanical Designer'],
    ['Thank you for your interest in the 2024-38817 Field Technician position.', 'Field Technician'],
    ['Thank you for applying for the position of 00731562 Lab Assistant (Open) Lab Assistant .', 'Lab Assistant'],
    ['You were not selected for the position of Support Engineer I-339120.', 'Support Engineer I'],
    [
      'Ref: 55120BR - Graduate Surveyor\n\nWe regret to inform you that we are pursuing other candidates.',
      'Graduate Surveyor',
    ],
    [
      'You were not selected for the following position:\n\nEntry Level Planner - Operations, 44120BR.\n\nPlease log in to see other positions.',
      'Entry Level Planner - Operations',
    ],
    // a year is part of the title
    ['Thank you for applying to the Analyst - Summer 2026 role.', 'Analyst - Summer 2026'],
    // the sentence after the title is not part of it
    [
      'Thank you for taking the time to apply for our Support Engineer I. Given the volume of applicants, we chose others.',
      'Support Engineer I',
    ],
    [
      'We cannot offer you further consideration for the position of Buyer - Graduates (March 2025). Please see our site.',
      'Buyer - Graduates (March 2025)',
    ],
    // quotes out
    ['Thank you for your interest in Corvane and the "Data Steward" position.', 'Data Steward'],
    // a programme written as a name is the role
    [
      'Thank you for applying to the Associate Rotational Program. We chose other candidates.',
      'Associate Rotational Program',
    ],
    // a title after another phrase that introduces one
    [
      'Thank you for your interest in Corvane and for the time you took to apply to Junior Analyst. We chose others.',
      'Junior Analyst',
    ],
    ['You will not be moving forward in the hiring process for Line Cook . Please apply again.', 'Line Cook'],
    // other languages
    ['vielen Dank für Ihre Bewerbung als Lagerlogistiker bei uns. Leider müssen wir Ihnen absagen.', 'Lagerlogistiker'],
    [
      'merci pour votre candidature au poste de Chargé de clientèle. Nous avons retenu un autre profil.',
      'Chargé de clientèle',
    ],
  ])('“%s” → %s', (body, want) => {
    expect(role(body)).toBe(want);
  });
});

describe('extract: the company recruiting software writes around a requisition or in a sign-off', () => {
  const workday = { name: 'Workday', address: 'careers-noreply@myworkday.com' };
  it('reads "the … position (R-20931) at Acme" and "… Representative (R-04418) at Acme"', () => {
    expect(
      extract(
        mail(
          workday,
          'Update on your application – R-20931',
          'Dear Noah,\n\nThank you for applying for the Accounts Payable Clerk position (R-20931) at Granville Paper Co.\n\nWe have decided to pursue other applicants.',
        ),
      ).company,
    ).toBe('Granville Paper Co.');
    expect(
      extract(
        mail(
          workday,
          'Job Posting Cancelled – Fenwick Health',
          'Dear Candidate,\n\nThe job posting Patient Access Representative (R-04418) at Fenwick Health has been cancelled.',
        ),
      ).company,
    ).toBe('Fenwick Health');
  });

  it('reads the team that signs for the company when recruiting software sent it', () => {
    const x = extract(
      mail(
        { name: 'Greenhouse', address: 'no-reply@greenhouse.io' },
        'An update on your application',
        'Hi Tariq,\n\nWe have decided to close the Data Scientist position.\n\nBest regards,\nHalloran Foods Talent Acquisition',
      ),
    );
    expect(x.company).toBe('Halloran Foods');
  });

  it('takes no address line for a company', () => {
    const x = extract(
      mail(
        { name: 'Wensleigh HR Recruitment', address: 'hr-recruitment@wensleigh.ac.example' },
        'Your application',
        'Dear Sam,\n\nThe post has been offered to another candidate. Thank you for your interest in working at the University of Wensleigh.\n\nYours sincerely\n\nHuman Resources\nUniversity of Wensleigh\nOld College, Wensleigh WS1 9ZZ',
      ),
    );
    expect(x.company).toBe('University of Wensleigh');
  });

  it('keeps a name that starts with a number and a month-like word', () => {
    const x = extract(
      mail(
        { name: 'Dana Holt', address: 'dana@example.com' },
        'Your application',
        'Hi Sam,\n\nThank you for your interest in 1 Mayfair Partners. We have decided to move forward with other candidates.\n\nDana',
      ),
    );
    expect(x.company).toBe('1 Mayfair Partners');
  });

  it('takes no heading or date for a company', () => {
    expect(
      extract(mail(workday, 'Job Posting Cancelled', 'Your application will no longer be considered.')).company,
    ).toBeNull();
    expect(
      extract(
        mail(
          { name: 'Rafael Monteiro', address: 'rafael@example.com' },
          'Re: Next steps?',
          'Sorry, we went another way.\n\nOn 11 Jan 2027, Sam wrote:\n> Any news?',
        ),
      ).company,
    ).toBeNull();
  });
});

describe('extract: company names that are not the company', () => {
  const no = 'We have decided to move forward with other candidates.';
  it.each([
    [{ name: 'Ferrow People Operations', address: 'people@ferrow.example' }, 'Ferrow'],
    [{ name: 'Ferrow Talent Acquisition', address: 'talent@ferrow.example' }, 'Ferrow'],
    [{ name: 'Ferrow Early Careers', address: 'careers@ferrow.example' }, 'Ferrow'],
  ])('reads %o as %s', (from, want) => {
    expect(extract(mail(from, 'Update', `Hi Sam,\n\n${no}\n\n${from.name}`)).company).toBe(want);
  });

  it('does not take "I" into a name: "apply to Ferrow and I encourage you"', () => {
    const x = extract(
      mail(
        { name: 'Dana Holt', address: 'dana@ferrow.example' },
        'Thanks for your interest in Ferrow',
        `Hi Sam,\n\n${no} There will be future chances to apply to Ferrow and I encourage you to do so.\n\nDana`,
      ),
    );
    expect(x.company).toBe('Ferrow');
  });

  it('drops a possessive the sender adds ("Ferrow’s Recruiting Team") but keeps one the name has', () => {
    expect(
      extract(
        mail(
          { name: "Ferrow's Recruiting Team", address: 'recruiting@ferrow.example' },
          'Update',
          `Hi Sam,\n\nThank you for your interest in Ferrow. ${no}\n\nFerrow's Recruiting Team`,
        ),
      ).company,
    ).toBe('Ferrow');
    expect(
      extract(
        mail(
          { name: "Dillon's Recruiting", address: 'jobs@dillons.example' },
          'Update',
          `Hi Sam,\n\nThank you for your interest in Dillon's. ${no}\n\nDillon's Recruiting`,
        ),
      ).company,
    ).toBe("Dillon's");
  });

  it.each([
    ['Indeed', 'indeedapply@indeed.com'],
    ['LinkedIn', 'jobs-noreply@linkedin.com'],
    ['Greenhouse', 'no-reply@us.greenhouse-mail.io'],
    ['Workday', 'ferrow@myworkday.com'],
  ])('never names the job board or ATS %s that carried the mail as the employer', (board, address) => {
    const x = extract(
      mail({ name: board, address }, 'Your application', `Hi Sam,\n\n${no}\n\nThe ${board} Team\nPowered by ${board}`),
    );
    expect(x.company).toBeNull();
  });

  it('keeps a name that holds the word "Information"', () => {
    expect(
      extract(
        mail(
          { name: 'Harlow Information Services via Indeed', address: 'indeedapply@indeed.com' },
          'Your application to Data Clerk at Harlow Information Services',
          `Thank you for applying to the Data Clerk position at Harlow Information Services. ${no}`,
        ),
      ).company,
    ).toBe('Harlow Information Services');
  });
});

describe('extract: academic titles that name a field', () => {
  const role = (body: string): string | null =>
    extract(
      mail(
        { name: 'Iona Pettigrew', address: 'i.pettigrew@kelmscott.example' },
        'Update',
        `Dear Sam,\n\n${body} The panel has chosen another candidate.\n\nIona Pettigrew`,
      ),
    ).role;

  it.each([
    [
      'Thank you for attending the interview for the post of Lecturer in Maritime History.',
      'Lecturer in Maritime History',
    ],
    ['Thank you for applying for the Research Fellow in Soil Carbon post.', 'Research Fellow in Soil Carbon'],
  ])('keeps the field after "in": “%s”', (body, want) => {
    expect(role(body)).toBe(want);
  });

  it('leaves a place after "in" out of an ordinary title', () => {
    expect(role('Thank you for applying for the position of Site Engineer in Leeds.')).toBe('Site Engineer');
  });
});

describe('extract: mailbox words in a sender’s name', () => {
  it.each([
    ['Harbour Grange Hotel Personnel', 'Harbour Grange Hotel'],
    ['Tarnbrook Campus Hiring 2026', 'Tarnbrook'],
    ['Pellow Borough HR Shared Service', 'Pellow Borough'],
    ['Kestle Assessments', 'Kestle'],
  ])('reads %s as %s', (name, want) => {
    expect(
      extract(
        mail(
          { name, address: 'jobs@mailer.example' },
          'Update',
          'Dear Sam,\n\nWe will not be taking your application further.',
        ),
      ).company,
    ).toBe(want);
  });

  it('keeps "Office" that ends a company’s own name', () => {
    expect(
      extract(
        mail({ name: 'Dunmere Post Office', address: 'jobs@mailer.example' }, 'Update', 'We chose another candidate.'),
      ).company,
    ).toBe('Dunmere Post Office');
  });
});

describe('extract: status notices that label their fields', () => {
  const notice = (name: string, address: string, body: string) =>
    extract(mail({ name, address }, 'Application status changed', body));

  it('reads "Job:" and "Company:" on a job board’s notice, not the board', () => {
    const x = notice(
      'Hirewell',
      'alerts@hirewell.example',
      '[Hirewell]\n\nYour application status changed to: Not selected\nJob: Estates Surveyor (North)\nCompany: Tarrant Housing Trust\nUpdated: 3 Feb 2026\n\nSee all your applications in your dashboard.',
    );
    expect(x).toMatchObject({ company: 'Tarrant Housing Trust', role: 'Estates Surveyor (North)' });
  });

  it('reads a label on one line and its value on the next', () => {
    const x = notice(
      'Corrow Freight Careers',
      'notifications@corrow.mailer.example',
      'An update is available for your application.\n\nPosition\nYard Marshal\nRequisition\n55120\nStatus\nNot Selected\n\nThank you for applying.',
    );
    expect(x.role).toBe('Yard Marshal');
  });

  it('reads the row of a status table whose application ended', () => {
    const x = notice(
      'Pellham Biotech',
      'pellham@candidate-portal.example',
      'Pellham Biotech · Candidate Portal\n\nJob Title | Requisition | Status | Updated\nAssay Scientist | JR-3301 | In Review | 2026-01-12\nLab Technician II | JR-3290 | No Longer Under Consideration | 2026-01-10\n\nSign in to manage your applications.',
    );
    expect(x.role).toBe('Lab Technician II');
  });

  it('reads a listed application with its outcome', () => {
    const x = notice(
      'Ostrander Energy Talent',
      'talent@ostrander.example',
      'Hello Sam,\n\nHere is a summary of your applications:\n\n• Grid Modelling Engineer (R-2231) - Outcome: Unsuccessful\n\nThank you for your interest.',
    );
    expect(x.role).toBe('Grid Modelling Engineer');
  });

  it('takes a government department from its field, but not a ward or unit', () => {
    const govt = notice(
      'Civil Service Jobs',
      'noreply@jobs.civil.example',
      'Vacancy reference: 40177\nJob title: Policy Officer (EO)\nDepartment: Department for Coastal Affairs\n\nSift outcome: Unsuccessful',
    );
    expect(govt).toMatchObject({ company: 'Department for Coastal Affairs', role: 'Policy Officer (EO)' });
    const ward = notice(
      'Lindenfield Careers',
      'careers@lindenfield.example',
      'Lindenfield Hospital | Careers\n\nRequisition: 66120 - Ward Clerk\nDepartment: Emergency Admissions\nDisposition: Not Selected\n\nThank you for your interest in Lindenfield Hospital.',
    );
    expect(ward).toMatchObject({ company: 'Lindenfield Hospital', role: 'Ward Clerk' });
  });
});

describe('extract: who signed, as small employers and academics sign', () => {
  it('finds the signer of mail that ends on a name and a title, with no sign-off', () => {
    const x = extract(
      mail(
        { name: 'Brackenridge Hiring', address: 'hiring@brackenridge.example' },
        'Site Lead',
        'Hi Sam,\n\nThanks for the call on Monday. We have gone with someone who has run a larger site.\n\nMarisol Tendai\nOperations Director, Brackenridge Works',
      ),
    );
    expect(x).toMatchObject({ contactName: 'Marisol Tendai', company: 'Brackenridge Works' });
  });

  it('does not take a quoted reply or a phone’s footer for a signature', () => {
    const x = extract(
      mail(
        { name: 'Careers', address: 'careers@brackenridge.example' },
        'Re: Site Lead',
        'We are a no on this one, sorry.\n\nSent from my phone\n\nOn Tue, Sam wrote:\n> Any news?\n>\n> Sam Rivera',
      ),
    );
    expect(x.contactName).toBeNull();
  });

  it('reads the name after a sign-off set apart by a blank line, and after “With best wishes,”', () => {
    const x = extract(
      mail(
        { name: 'Larchfield Graduate Recruitment', address: 'graduates@larchfield.example' },
        'Vacation Scheme – outcome',
        'Dear Sam,\n\nWe will not be able to offer you a place this year.\n\nWith best wishes,\n\nOonagh Brice\nGraduate Recruitment Manager\nLarchfield LLP',
      ),
    );
    expect(x.contactName).toBe('Oonagh Brice');
  });

  it.each([
    ['Dr. Imke Voss', 'Imke Voss'],
    ['Prof. Imke Voss', 'Imke Voss'],
    ['Mrs Imke Voss', 'Imke Voss'],
    ['Chef Imke Voss', 'Imke Voss'],
  ])('greets %s as %s', (name, want) => {
    const x = extract(
      mail(
        { name, address: 'i.voss@haldane.example' },
        'Update',
        'Dear Sam,\n\nWe chose another candidate.\n\nKind regards,\nImke',
      ),
    );
    expect(x.contactName).toBe(want);
  });

  it.each([
    ['Becca "Wren" Hollis', 'Becca Hollis'],
    ['Becca & the team at Hollis Bakes', 'Becca'],
  ])('reads the signer of “%s” as %s', (signed, want) => {
    const x = extract(
      mail(
        { name: 'Hollis Bakes', address: 'hello@hollisbakes.example' },
        'Saturday baker',
        `Hi Sam,\n\nWe've filled the Saturday baker spot.\n\nHappy baking,\n${signed}`,
      ),
    );
    expect(x.contactName).toBe(want);
  });

  it('keeps "University of …" whole though "University" names mailboxes', () => {
    const x = extract(
      mail(
        { name: 'Hamish Orr', address: 'h.orr@kelvinside.ac.example' },
        'Research Assistant – outcome',
        'Dear Sam,\n\nThank you for applying. We have appointed another candidate.\n\nWith best wishes for your research,\n\nHamish Orr\nSchool of Physics\nUniversity of Kelvinside',
      ),
    );
    expect(x.company).toBe('University of Kelvinside');
  });
});

describe('extract: titles written in lower case, and "applying to be"', () => {
  const role = (subject: string, body: string): string | null =>
    extract(mail({ name: 'Tove Lind', address: 'tove@quernstone.example' }, subject, `hi Sam,\n\n${body}\n\ntove`))
      .role;

  it.each([
    ['thanks for chatting with us about the platform engineer spot. we went another way.', 'platform engineer'],
    ["we're a no on the brand designer role, sorry.", 'brand designer'],
    ["we've landed elsewhere on the community manager hire.", 'community manager'],
    ['thanks for applying to be our first office manager! we went with someone local.', 'office manager'],
    ['Thank you for applying to be Night Porter at the Quernstone Hotel.', 'Night Porter'],
  ])('reads “%s” as %s', (body, want) => {
    expect(role('quick note', body)).toBe(want);
  });

  it('does not read a job mentioned in passing without a job word ("a senior-level hire")', () => {
    expect(role('quick note', 'we made a senior-level hire instead.')).toBeNull();
  });

  it('prefers the subject’s title to one the body says in passing', () => {
    expect(role('Re: Dental Receptionist', 'we offered the receptionist role to someone else.')).toBe(
      'Dental Receptionist',
    );
  });
});

// Role and company written only in the subject line, in the shapes recruiting software and
// recruiters use. The bodies here name neither, so every answer comes from the subject.
import { describe, expect, it } from 'vitest';
import { extract } from '../../lambdas/core/extract/index.ts';
import { original } from '../support/fakes.ts';

const BODY = 'Hi Sam,\n\nThank you for applying. We have decided to move forward with other candidates.\n\nThe Team';

function read(subject: string, body = BODY): { company: string | null; role: string | null } {
  const mail = original({ from: { name: 'Careers', address: 'no-reply@ats-mail.example' }, subject, text: body });
  const { company, role } = extract(mail);
  return { company, role };
}

describe('subject: role and company', () => {
  it.each([
    ['Your application to Fleet Data Analyst at Quarrybrook Freight', 'Quarrybrook Freight', 'Fleet Data Analyst'],
    ['Your application for Site Reliability Engineer at Orchid & Vane.', 'Orchid & Vane', 'Site Reliability Engineer'],
    ['Re: Your application to Store Manager at Pellworth Home, Inc.', 'Pellworth Home, Inc.', 'Store Manager'],
    ['Tamberlane Bank – Credit Risk Analyst (Req 20931)', 'Tamberlane Bank', 'Credit Risk Analyst'],
    ['Tamberlane Bank | Credit Risk Analyst | Application Update', 'Tamberlane Bank', 'Credit Risk Analyst'],
    ['Kestrel Robotics: Embedded Firmware Engineer', 'Kestrel Robotics', 'Embedded Firmware Engineer'],
    ['Update on your Payroll Specialist application', null, 'Payroll Specialist'],
    ['Update on your application - Payroll Specialist', null, 'Payroll Specialist'],
    ['Re: Junior Copywriter position', null, 'Junior Copywriter'],
    ['Your Job Application: Night Shift Supervisor', null, 'Night Shift Supervisor'],
    ['Thank you for your interest in Larchmont Studios', 'Larchmont Studios', null],
    ['Thank you for your interest in Larchmont Studios for Motion Designer', 'Larchmont Studios', 'Motion Designer'],
    ['Your Larchmont Studios application', 'Larchmont Studios', null],
    ['Larchmont Studios Application Status', 'Larchmont Studios', null],
    ['Thank you from Larchmont Studios!', 'Larchmont Studios', null],
    ['Thank You - Larchmont Studios', 'Larchmont Studios', null],
    ['Sam Rivera | Follow up from Larchmont Studios', 'Larchmont Studios', null],
    [
      'Larchmont Studios - Motion Designer Internship Application (Sam Rivera)',
      'Larchmont Studios',
      'Motion Designer Internship',
    ],
    ['Thanks for your interest in Larchmont Studios, Sam', 'Larchmont Studios', null],
    ['Your application to Harbor Analytics: Data Engineer - Spring', 'Harbor Analytics', 'Data Engineer - Spring'],
    // the same templates in other languages
    ['Ihre Bewerbung als Lagerlogistiker bei Brandauer Logistik GmbH', 'Brandauer Logistik GmbH', 'Lagerlogistiker'],
    ['Ihre Bewerbung bei Brandauer Logistik', 'Brandauer Logistik', null],
    ['Votre candidature au poste de Chargé de clientèle chez Maison Ferrand', 'Maison Ferrand', 'Chargé de clientèle'],
    ['Su candidatura al puesto de Analista de Datos en Grupo Lumbre', 'Grupo Lumbre', 'Analista de Datos'],
    ['Uw sollicitatie voor de functie Projectleider bij Van Dijk Bouw', 'Van Dijk Bouw', 'Projectleider'],
    [
      'Sua candidatura para a vaga de Analista Financeiro na Cordeiro Seguros',
      'Cordeiro Seguros',
      'Analista Financeiro',
    ],
  ])('“%s” → company %s, role %s', (subject, company, role) => {
    expect(read(subject)).toEqual({ company, role });
  });

  it.each([
    'Application Update',
    'Your application',
    'Thank you for your interest',
    'Thank you for your application',
    'Update on your application',
    'Important information about your application',
  ])('“%s” names neither', (subject) => {
    expect(read(subject)).toEqual({ company: null, role: null });
  });

  it('takes the name after the last " at ", not the first job word, as the company', () => {
    // A body phrase ("applying to the Ruby …") must not outweigh the subject's template.
    expect(
      read(
        'Your application to Ruby / Go Developer at Quillfeather.io',
        'Thank you for applying to the Ruby / Go Developer position at Quillfeather.io.\nUnfortunately, Quillfeather.io has decided to move forward with other candidates.',
      ).company,
    ).toBe('Quillfeather.io');
  });

  it('does not read a title’s place as the company when the body names the company', () => {
    expect(
      read(
        'Your application for Warehouse Associate - Leeds',
        'Hi Sam,\n\nThank you for your interest in Brindle Logistics. We have decided to move forward with other candidates.\n\nThe Team',
      ),
    ).toEqual({ company: 'Brindle Logistics', role: 'Warehouse Associate - Leeds' });
  });
});

// Recruiters' own subjects: a title and what the email is, a step of the hiring, or a filing code
// — none of which is a company.
describe('subject: what it says beside the title', () => {
  it.each([
    ['Claims Handler – outcome', 'Claims Handler'],
    ['Store Planner — thank you', 'Store Planner'],
    ['Re: Biostatistician – next steps', 'Biostatistician'],
    ['Rigging Supervisor – interview feedback', 'Rigging Supervisor'],
    ['Lecturer in Marine Law – result of interview', 'Lecturer in Marine Law'],
    ['Fundraising Officer – vacancy withdrawn', 'Fundraising Officer'],
    ['Head of Estates search – concluded', 'Head of Estates'],
    ['Contract update – Senior Kotlin Engineer', 'Senior Kotlin Engineer'],
    ['Re: Pastry Chef trial', 'Pastry Chef'],
    ['Junior Surveyor interview', 'Junior Surveyor'],
    ['Ref 31/207 Caretaker', 'Caretaker'],
    ['Vacancy 4410 – Grounds Operative', 'Grounds Operative'],
  ])('“%s” → role %s, and no company', (subject, role) => {
    expect(read(subject)).toEqual({ company: null, role });
  });

  it.each([
    'Take-home feedback',
    'Design challenge',
    'Pairing session follow-up',
    'Writing test',
    'Final round',
    'Candidate feedback – R. Osei',
    'Competition Ref. PLN-2025-03',
    'Application status for R0044120',
  ])('“%s” names no company', (subject) => {
    expect(read(subject).company).toBeNull();
  });

  it('takes a bare subject’s last part as the company only when the sender’s domain agrees', () => {
    const mail = (address: string) =>
      original({ from: { name: 'Ines Duarte', address }, subject: 'Dental Nurse – Brightwell Dental', text: BODY });
    expect(extract(mail('ines@brightwelldental.example'))).toMatchObject({
      company: 'Brightwell Dental',
      role: 'Dental Nurse',
    });
    expect(extract(mail('ines.duarte@mailbox.example')).company).toBeNull();
  });
});

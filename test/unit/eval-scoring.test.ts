// The evaluation's comparison of names: what a reader of the letter would not call a difference
// is none, and every change of content still is.
import { describe, expect, it } from 'vitest';
import { sameCompany, sameRole } from '../../scripts/eval.ts';

describe('eval: comparing companies', () => {
  it.each([
    ['Avvo, Inc.', 'Avvo'],
    ['The TJX Companies, Inc.', 'TJX Companies, Inc.'],
    ['Harbourline Ltd', 'harbourline'],
    ['Quarry & Vale', 'Quarry and Vale'],
    ['Nordlicht GmbH', 'Nordlicht'],
    ['Tallow’s Kitchen LLC', "Tallow's Kitchen"],
  ])('“%s” names the same employer as “%s”', (a, b) => {
    expect(sameCompany(a, b)).toBe(true);
  });

  it.each([
    ['Allen Institute', 'The Allen Institute for AI'],
    ['IBM Early Professional', 'IBM'],
    ['Wish and I', 'Wish'],
    ['Harbourline', null],
    ['Harbourline Logistics', 'Harbourline Labs'],
  ])('“%s” is not “%s”', (a, b) => {
    expect(sameCompany(a, b)).toBe(false);
  });
});

describe('eval: comparing roles', () => {
  it.each([
    ['Big Data Engineer Intern – Summer 2018', 'Big Data Engineer Intern - Summer 2018'],
    ['"Software Developer I"', 'Software Developer I'],
    ['Risk Analyst II (R-0048213)', 'Risk Analyst II'],
    ['Software Engineer I, Req ID 169410BR', 'Software Engineer I'],
    ['2020-45452 Software Engineer', 'Software Engineer'],
    ['Software Engineer I-211299', 'Software Engineer I'],
  ])('“%s” is the role “%s”', (a, b) => {
    expect(sameRole(a, b)).toBe(true);
  });

  it.each([
    ['2018 Under Armour Summer League', '2018 Summer League'],
    ['Data Analyst Intern - Summer 2018', 'Data Analyst Intern - Summer 2019'],
    ['Software Engineer I', 'Software Engineer II'],
    ['Software Engineer I. Given', 'Software Engineer I'],
    ['Data Science Intern', null],
  ])('“%s” is not the role “%s”', (a, b) => {
    expect(sameRole(a, b)).toBe(false);
  });
});

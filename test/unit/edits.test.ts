// What the review page says about the owner's edits before a letter may leave: every problem at
// once, and the letter exactly as it would leave.
import { describe, expect, it } from 'vitest';
import type { Letter } from '../../lambdas/core/case/index.ts';
import { applyEdits, DETAIL_PLACEHOLDER, keepable } from '../../lambdas/core/letter/index.ts';

const letter: Letter = {
  to: 'sandra.ing@grainwood.example',
  toName: 'Sandra Ing',
  subject: 'Re: Your application',
  body: 'Dear Sandra Ing,\n\nThank you.\n\nSam Rivera',
  inReplyTo: '<orig@grainwood.example>',
  references: '<orig@grainwood.example>',
};
const edits = { to: letter.to!, subject: letter.subject, body: letter.body, detail: '' };

describe('the owner’s edits', () => {
  it('leave an empty letter, subject or address unsent, saying which', () => {
    expect(applyEdits(letter, { ...edits, body: '  \n\n ' }).problems).toEqual(['The letter is empty.']);
    expect(applyEdits(letter, { ...edits, subject: '   ' }).problems).toEqual(['The subject is empty.']);
    expect(applyEdits(letter, { ...edits, to: '   ' }).problems).toEqual(['Add the address the letter goes to.']);
    expect(applyEdits(letter, { to: '', subject: '', body: '', detail: '' }).problems).toEqual([
      'Add the address the letter goes to.',
      'The subject is empty.',
      'The letter is empty.',
    ]);
  });

  it('take a subject of up to 250 characters and a letter of up to 20,000', () => {
    const subject = 's'.repeat(250);
    const body = `Dear Sandra Ing,\n\n${'x'.repeat(20_000 - 18)}`;
    expect(body).toHaveLength(20_000);
    expect(applyEdits(letter, { ...edits, subject, body }).problems).toEqual([]);
    expect(applyEdits(letter, { ...edits, subject: `${subject}s` }).problems).toEqual([
      'The subject is 251 characters long; a subject can be up to 250.',
    ]);
  });

  it('leave as typed, without the spaces around it and with plain line ends', () => {
    const next = applyEdits(letter, {
      to: '  sandra.ing@grainwood.example ',
      subject: '  Re: Your application ',
      body: '\r\n Dear Sandra Ing,\r\n\r\nThank you.\r\n\r\nSam Rivera \r\n',
      detail: '',
    });
    expect(next.problems).toEqual([]);
    expect(next.letter).toEqual(letter);
  });

  it('quote an address that is no address as typed, without its spaces', () => {
    expect(applyEdits(letter, { ...edits, to: '  sandra at grainwood ' }).problems).toEqual([
      '“sandra at grainwood” is not an email address (write one address, e.g. jordan@acme.com or Jordan Lee <jordan@acme.com>).',
    ]);
  });

  it('keep a letter that has no recipient without one (the page asks for it)', () => {
    const noReply = { ...letter, to: null, toName: null, body: 'Dear Hiring Team,\n\nThank you.' };
    const next = applyEdits(noReply, { to: '', subject: noReply.subject, body: noReply.body, detail: '' });
    expect(next.letter.to).toBeNull();
    expect(next.problems).toEqual(['Add the address the letter goes to.']);
  });

  it('ignore a detail field of spaces when the marked paragraph is gone', () => {
    expect(applyEdits(letter, { ...edits, detail: '   ' }).problems).toEqual([]);
  });

  it('keep the person’s name for the same address, and drop it for a new one', () => {
    expect(applyEdits(letter, edits).letter.toName).toBe('Sandra Ing');
    const hiring = { ...letter, toName: 'Sandra Ing', body: 'Dear Hiring Team,\n\nThank you.' };
    const next = applyEdits(hiring, { ...edits, to: 'david.chen@grainwood.example', body: hiring.body });
    expect(next).toMatchObject({ problems: [], letter: { to: 'david.chen@grainwood.example', toName: null } });
  });

  it('let the owner choose a recipient for a letter that had none, whatever it greets', () => {
    const found = { ...letter, to: null, toName: 'Sandra Ing' };
    expect(applyEdits(found, { ...edits, to: 'david.chen@grainwood.example' }).problems).toEqual([]);
  });

  it('let the owner send a letter with no name in it to someone else', () => {
    const nameless = { ...letter, toName: null, body: 'Dear Sandra Ing,\n\nThank you.' };
    expect(
      applyEdits(nameless, { ...edits, to: 'david.chen@grainwood.example', body: nameless.body }).problems,
    ).toEqual([]);
  });

  it('say only that the address is no address when it is not one, not that it greets someone else', () => {
    expect(applyEdits(letter, { ...edits, to: 'david.chen' }).problems).toEqual([
      expect.stringContaining('“david.chen” is not an email address'),
    ]);
  });

  it('refuse a detail typed beside a letter whose marked paragraph was deleted', () => {
    const withSlot = { ...edits, body: `Dear Sandra Ing,\n\n${DETAIL_PLACEHOLDER}\n\nSam Rivera` };
    expect(applyEdits(letter, { ...withSlot, detail: 'the tour' }).problems).toEqual([]);
    expect(applyEdits(letter, { ...edits, detail: 'the tour' }).problems).toEqual([
      expect.stringContaining('Your detail has no place in the letter'),
    ]);
  });
});

describe('a letter to a new address', () => {
  const greetedBy = (over: Partial<Letter>, greeting: string, to: string) =>
    applyEdits({ ...letter, ...over }, { ...edits, to, body: `${greeting}\n\nThank you.\n\nSam Rivera` }).problems;

  it('is refused while it greets the old person by first name, or by title and surname', () => {
    expect(greetedBy({}, 'Dear Sandra,', 'david.chen@grainwood.example')).toEqual([
      'The letter greets Sandra Ing but now goes to david.chen@grainwood.example: change the greeting, or send it to sandra.ing@grainwood.example.',
    ]);
    expect(greetedBy({ toName: 'Ms. Ing' }, 'Dear Ms Ing,', 'david.chen@grainwood.example')).toEqual([
      'The letter greets Ms. Ing but now goes to david.chen@grainwood.example: change the greeting, or send it to sandra.ing@grainwood.example.',
    ]);
  });

  it('leaves when the greeting shares only a title or an initial with the old person’s name', () => {
    expect(
      greetedBy({ to: 'jones@grainwood.example', toName: 'Dr Jones' }, 'Dear Dr Smith,', 'smith@grainwood.example'),
    ).toEqual([]);
    expect(greetedBy({ toName: 'Sandra J Ing' }, 'Dear J. Chen,', 'david.chen@grainwood.example')).toEqual([]);
  });
});

describe('edits kept on Discard', () => {
  it('are kept up to the limits a letter may have — address, subject and letter — and with no address', () => {
    const full = {
      ...letter,
      to: `${'a'.repeat(308)}@example.com`,
      subject: 's'.repeat(250),
      body: 'x'.repeat(20_000),
    };
    expect(full.to).toHaveLength(320);
    expect(keepable(full)).toBe(true);
    expect(keepable({ ...full, to: null })).toBe(true);
  });

  it('are not kept past them: a paste gone wrong is no letter to store', () => {
    const full = {
      ...letter,
      to: `${'a'.repeat(308)}@example.com`,
      subject: 's'.repeat(250),
      body: 'x'.repeat(20_000),
    };
    expect(keepable({ ...full, body: `${full.body}x` })).toBe(false);
    expect(keepable({ ...full, subject: `${full.subject}s` })).toBe(false);
    expect(keepable({ ...full, to: `a${full.to}` })).toBe(false);
  });
});

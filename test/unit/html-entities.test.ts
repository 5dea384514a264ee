import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlEntities, keepsEntity } from '../../lambdas/core/mail/html-entities.ts';
import { dataModule, postalMimeEntities } from '../../scripts/html-entities.ts';

describe('named character references', () => {
  it('the committed table is what scripts/html-entities.ts makes of postal-mime’s (run it after upgrading postal-mime)', async () => {
    const committed = readFileSync(new URL('../../lambdas/core/mail/html-entities-data.ts', import.meta.url), 'utf8');
    expect(committed).toBe(dataModule(await postalMimeEntities()));
  });

  it('keeps what mail writes and leaves the rest of HTML5 out', async () => {
    const all = await postalMimeEntities();
    for (const name of [
      '&auml;',
      '&eacute;',
      '&rsquo;',
      '&nbsp;',
      '&euro;',
      '&trade;',
      '&frac13;',
      '&rarr;',
      '&rArr;',
      '&le;',
      '&check;',
      '&Delta;',
      '&amp',
      '&eacute',
    ]) {
      expect(htmlEntities()[name], name).toBe(all[name]);
    }
    for (const name of [
      '&Bopf;',
      '&Rarrtl;',
      '&sqsupseteq;',
      '&NotNestedGreaterGreater;',
      '&CloseCurlyQuote;',
      '&DoubleRightArrow;',
      '&nwarrow;',
      '&Bscr;',
    ])
      expect(htmlEntities()[name], name).toBeUndefined();
    expect(keepsEntity('ab')).toBe(false);
    // The point of keeping a subset: a fraction of HTML5's 2,231.
    expect(Object.keys(htmlEntities()).length).toBeLessThan(Object.keys(all).length / 2);
  });

  it('decodes names, legacy names without a semicolon, and numbers; leaves unknown names as written', () => {
    expect(decodeEntities('Br&auml;ndli &amp; S&ouml;hne, caf&eacute &copy 2024')).toBe('Brändli & Söhne, café © 2024');
    expect(decodeEntities('&#233;&#xE9;&#X1F600; &#0; &#xD800; &#99999999;')).toBe('éé😀 \ufffd \ufffd \ufffd');
    expect(decodeEntities('&Bopf; &nosuch; &#12 & &;')).toBe('&Bopf; &nosuch; &#12 & &;');
  });
});

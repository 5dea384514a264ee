// The event the local stack hands on-mail-received has the shape of the one SES's Lambda action
// delivers (test/fixtures/ses-lambda-event.json), so the handler is tried locally on what it
// will be given on AWS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sesEvent } from '../../lambdas/local/ses-event.ts';

/** Keys and value types, not values; an array by the distinct shapes of its elements. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) {
    const distinct = new Map(value.map((v) => [JSON.stringify(shape(v)), shape(v)]));
    return [...distinct.keys()].sort().map((k) => distinct.get(k));
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return typeof value;
}

describe('the local SES event', () => {
  it('has the shape of the event SES delivers to Lambda', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/ses-lambda-event.json', import.meta.url), 'utf8'));
    const raw = Buffer.from(
      'From: Sam Rivera <me@example.com>\r\nTo: inbox@onward.localhost\r\nSubject: Fwd: Update\r\n' +
        'Date: Tue, 24 Nov 2026 09:41:12 +0100\r\nMessage-ID: <a1@example.com>\r\nMIME-Version: 1.0\r\n\r\nHello\r\n',
    );
    const local = sesEvent({
      messageId: 'm-1',
      source: 'me@example.com',
      recipients: ['inbox@onward.localhost'],
      raw,
      functionName: 'Inbound',
    });
    expect(shape(local)).toEqual(shape(fixture));
  });
});

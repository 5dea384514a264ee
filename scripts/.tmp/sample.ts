import { buildRawMessage } from '../../lambdas/adapters/ses-mailer.ts';
const raw = await buildRawMessage({ from: { name: 'Sam Rivera (via onward)', address: 'letters@onward.localhost' }, to: { name: 'Jürgen Müller-Łukasz, "PhD"', address: 'j@x.com' }, replyTo: 'me@example.com', subject: 'Re: Your application — Senior Software Engineer at Grainwood, Inc. and a very long subject that needs folding für sure', text: 'Dear Jürgen,\n\nThank you — really.\n' + 'x'.repeat(100) + '\n', inReplyTo: '<abc@x>', references: '<a@x> <abc@x>', automatic: true, caseId: 'c1' } as any);
console.log(raw.toString());
import PostalMime from 'postal-mime';
const e = await PostalMime.parse(raw);
console.log(JSON.stringify({from:e.from,to:e.to,subject:e.subject,text:e.text,irt:e.inReplyTo,refs:e.references, replyTo: e.replyTo, h: e.headers.find(h=>h.key==='auto-submitted')}, null, 1));
const raw2 = await buildRawMessage({ from: { name: 'Sam', address: 'a@b.c' }, to: { name: null, address: 'j@x.com' }, subject: 'Plain subject', text: 'Hi =\nthere  \n' } as any);
console.log(raw2.toString()); console.log(JSON.stringify((await PostalMime.parse(raw2)).text));

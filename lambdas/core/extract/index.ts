// Who and what a rejection is about: the company, the role, the person to thank and the others
// the letter could go to.
export { type Extraction, extract } from './extract.ts';
export type { Stage } from './stage.ts';
export type { Offer } from './offers.ts';

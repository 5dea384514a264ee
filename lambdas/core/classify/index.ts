// Is this email a rejection? The verdict, how sure, what kind, and the words that decided it.
export { type Classification, classify } from './classify.ts';

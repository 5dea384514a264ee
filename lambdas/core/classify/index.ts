// Is this email a rejection? The verdict, how sure, what kind, and the words that decided it.
export { type Classification, classify, findInterviewed } from './classify.ts';

// One email read: unwrapped, classified and extracted, exactly as production reads it.
export { readRejection } from './read-rejection.ts';

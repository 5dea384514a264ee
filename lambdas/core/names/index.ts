// People's names as mail writes them: whether a string is a person's name, the person in a
// display name, whether a name fits a mailbox, and the words that mark an organisation or a job.
export {
  displayNameParts,
  greetsSomeoneElse,
  initials,
  looksLikePersonName,
  nameMatchesMailbox,
  ORG_WORDS,
  ROLE_WORD,
  squash,
} from './names.ts';

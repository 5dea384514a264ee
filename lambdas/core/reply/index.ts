// What a reply to onward's emails asks for. The addresses it comes to are core/reply-address.
export { followUpCommand, replyCommand } from './command.ts';

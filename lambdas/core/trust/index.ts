// Who may write to onward: the owner's allow-listed addresses, judged on the address and the
// receiving verdicts, never the display name; and mail onward must not answer (loops, bounces).
export {
  checkLoop,
  checkSender,
  type Envelope,
  envelopeAddress,
  isForwardingConfirmation,
  PROBE_SUBJECT,
  probeNonce,
  type SenderPolicy,
  type VerdictStatus,
  verifiedDkimDomains,
} from './sender.ts';

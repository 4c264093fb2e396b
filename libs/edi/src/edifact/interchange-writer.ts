import { BuildError } from '../errors';
import type { ControlNumbers, EdifactPartner, OurIdentity } from '../partner';
import { DEFAULT_EDIFACT_SEPARATORS } from './tokenizer';
import { writeEdifact, type EdifactElement } from './writer';

export interface EdifactBody {
  /** UNH S009, e.g. ['ORDRSP', 'D', '96A', 'UN']. */
  messageType: string[];
  segments: EdifactElement[][];
}

/** UNA, UNB, one message (UNH … UNT with its segment count and reference), UNZ. */
export function writeEdifactInterchange(body: EdifactBody, partner: EdifactPartner, ours: OurIdentity, control: ControlNumbers, now: Date): string {
  const separators = { ...DEFAULT_EDIFACT_SEPARATORS, ...partner.separators };
  const reference = reference14(control.interchange, 'UNB 0020');
  const messageReference = reference14(control.transaction, 'UNH 0062');
  const stamp = now.toISOString();
  const message: EdifactElement[][] = [['UNH', messageReference, body.messageType], ...body.segments];
  message.push(['UNT', String(message.length + 1), messageReference]);
  return writeEdifact(
    [
      [
        'UNB',
        [partner.syntaxIdentifier ?? 'UNOC', '3'],
        [ours.edifact.id, ours.edifact.qualifier ?? ''],
        [partner.identity.id, partner.identity.qualifier ?? ''],
        [stamp.slice(2, 10).replace(/-/g, ''), stamp.slice(11, 16).replace(':', '')],
        reference,
      ],
      ...message,
      ['UNZ', '1', reference],
    ],
    separators,
  );
}

function reference14(n: number, field: string): string {
  if (!Number.isSafeInteger(n) || n < 1 || String(n).length > 14) throw new BuildError(`${field} must be 1 to 14 digits, got ${n}`, field);
  return String(n);
}

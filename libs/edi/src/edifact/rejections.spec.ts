import { buildAsPartner, parseInbound, rejectionResponse } from '../api';
import type { ParseResult, Rejection } from '../documents';
import { purchaseOrderContent } from '../testing/messages';
import { EDIFACT_BUYER, OURS } from '../testing/partners';

const control = { interchange: 4711, group: 1, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');
/** A good ORDERS, one segment a line: UNA, UNB, then UNH 1, BGM 2, DTM 3, DTM 4, NAD 5, CUX 6, LIN 7, QTY 8, PRI 9, LIN 10, QTY 11, UNS 12, CNT 13, UNT 14, and UNZ. */
const good = () => buildAsPartner(purchaseOrderContent(), EDIFACT_BUYER, OURS, control, { now }).raw.split('\n').filter(Boolean);
const join = (lines: string[]) => lines.join('\n') + '\n';
const replace = (lines: string[], tag: string, by: string | string[]) => {
  const i = lines.findIndex((l) => l.startsWith(`${tag}+`));
  return [...lines.slice(0, i), ...(typeof by === 'string' ? [by] : by), ...lines.slice(i + 1)];
};

function rejected(result: ParseResult): Rejection {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result.rejection;
}
const read = (lines: string[]) => rejected(parseInbound(join(lines), EDIFACT_BUYER, OURS, { buyerId: 'muster-maschinenbau' }));
const contrl = (r: Rejection) => rejectionResponse(r, EDIFACT_BUYER, OURS, { interchange: 4712, group: 1, transaction: 2 }, { now })!;

describe('EDIFACT interchanges that are refused, and the CONTRL they are answered with', () => {
  it('the good one is taken', () => {
    expect(parseInbound(join(good()), EDIFACT_BUYER, OURS, { buyerId: 'muster-maschinenbau' }).ok).toBe(true);
  });

  it.each([
    ['UNZ 0020 not UNB 0020', (l: string[]) => replace(l, 'UNZ', "UNZ+1+9999'"), "UCI+4711+4012345000009:14+TRADELANE:ZZZ+4+28+UNZ'", 400],
    ['UNZ 0036 a wrong message count', (l: string[]) => replace(l, 'UNZ', "UNZ+2+4711'"), "UCI+4711+4012345000009:14+TRADELANE:ZZZ+4+29+UNZ'", 400],
    ['a sender that is not the partner (UNB S002)', (l: string[]) => replace(l, 'UNB', l[1].replace('4012345000009:14', '4099999000009:14')), "UCI+4711+4099999000009:14+TRADELANE:ZZZ+4+23+UNB'", 403],
    ['a recipient that is not us (UNB S003)', (l: string[]) => replace(l, 'UNB', l[1].replace('TRADELANE:ZZZ', 'ANOTHERHUB:ZZZ')), "UCI+4711+4012345000009:14+ANOTHERHUB:ZZZ+4+7+UNB'", 403],
    ['a syntax identifier not taken', (l: string[]) => replace(l, 'UNB', l[1].replace('UNOC:3', 'XXXX:3')), "UCI+4711+4012345000009:14+TRADELANE:ZZZ+4+2+UNB'", 400],
  ])('%s', (_name, mutate, uci, status) => {
    const r = read(mutate(good()));
    expect(r.status).toBe(status);
    expect(contrl(r)).toContain(uci);
  });

  it.each([
    ['UNT 0074 a wrong segment count', (l: string[]) => replace(l, 'UNT', "UNT+99+1'"), ["UCM+1+ORDERS:D:96A:UN+4'", "UCS+14'", "UCD+29+1'"], 'UNT 0074'],
    ['UNT 0062 not UNH 0062', (l: string[]) => replace(l, 'UNT', "UNT+14+2'"), ["UCS+14'", "UCD+28+2'"], 'UNT 0062'],
    ['a message version other than D.96A', (l: string[]) => replace(l, 'UNH', "UNH+1+ORDERS:D:01B:UN'"), ["UCS+1'", "UCD+2+2'"], 'UNH S009'],
    ['a message type not taken', (l: string[]) => replace(l, 'UNH', "UNH+1+IFTMIN:D:96A:UN'"), ["UCM+1+IFTMIN:D:96A:UN+4'", "UCS+1'", "UCD+15+2'"], 'UNH S009'],
    ['a missing mandatory segment (BGM)', (l: string[]) => replace(replace(l, 'BGM', []), 'UNT', "UNT+13+1'"), ["UCS+2+13'"], 'BGM'],
    ['a missing mandatory element (BGM 1004)', (l: string[]) => replace(l, 'BGM', "BGM+220++9'"), ["UCS+2'", "UCD+13+2:1'"], 'BGM02'],
    ['a quantity that is not a number (QTY 6060)', (l: string[]) => replace(l, 'QTY', "QTY+21:many'"), ["UCS+8'", "UCD+12+1:2'"], 'QTY01-2'],
    ['a date that is no day (DTM+2 20261340)', (l: string[]) => replace(l, 'DTM', "DTM+137:20261340:102'"), ["UCS+3'", "UCD+12+1:2'"], 'DTM01-2'],
    ['a SKU the intake refuses (lower case)', (l: string[]) => replace(l, 'LIN', "LIN+1++bolt-m8:SA'"), ["UCS+7'", "UCD+12+3:1'"], 'LIN03'],
    ['a line count that is wrong (CNT)', (l: string[]) => replace(l, 'CNT', "CNT+2:3'"), ["UCS+13'", "UCD+12+1:2'"], 'CNT01-2'],
  ])('%s', (_name, mutate, expected, field) => {
    const r = read(mutate(good()));
    expect(r).toMatchObject({ status: 400, field });
    const raw = contrl(r);
    expect(raw).toContain("UNH+2+CONTRL:D:3:UN'");
    expect(raw).toContain("UCI+4711+4012345000009:14+TRADELANE:ZZZ+4'");
    for (const part of expected) expect(raw).toContain(part);
  });

  it('an interchange that cannot be tokenized (its last terminator released, so never reached) is still answered, from its UNB', () => {
    const r = read([...good().slice(0, -1), 'UNZ+1+4711?']);
    expect(r).toMatchObject({ status: 400, acknowledgment: { interchangeControlNumber: '4711', interchangeError: { code: '18' } } });
    expect(contrl(r)).toContain("UCI+4711+4012345000009:14+TRADELANE:ZZZ+4+18+UNZ'");
  });

  it('nothing that can be addressed (no UNB): refused without a CONTRL', () => {
    const r = read(["UNA:+.? '", "UNH+1+ORDERS:D:96A:UN'"]);
    expect(r).toMatchObject({ status: 400, field: 'UNB' });
    expect(r.acknowledgment).toBeUndefined();
  });

  it('a document larger than the limit is refused before it is read (413)', () => {
    expect(rejected(parseInbound(join(good()), EDIFACT_BUYER, OURS, { maxBytes: 100 }))).toMatchObject({ status: 413 });
  });
});

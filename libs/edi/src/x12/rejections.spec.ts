import { buildAsPartner, parseInbound, rejectionResponse } from '../api';
import type { ParseResult, Rejection } from '../documents';
import { purchaseOrderContent } from '../testing/messages';
import { OURS, X12_BUYER } from '../testing/partners';

const control = { interchange: 905, group: 17, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');
/** A good 850 from the buyer, one segment a line: ISA, GS, ST, BEG, CUR, DTM, N1, N3, N4, PO1, PO1, CTT, SE, GE, IEA. */
const good = () => buildAsPartner(purchaseOrderContent(), X12_BUYER, OURS, control, { now }).raw.split('\n').filter(Boolean);
const join = (lines: string[]) => lines.join('\n') + '\n';
/** Replaces the segment with id `id` (its first one) by `by`. */
const replace = (lines: string[], id: string, by: string | string[]) => lines.flatMap((l) => (l.startsWith(`${id}*`) && lines.find((x) => x.startsWith(`${id}*`)) === l ? by : [l]));

function rejected(result: ParseResult): Rejection {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result.rejection;
}
const read = (lines: string[]) => rejected(parseInbound(join(lines), X12_BUYER, OURS, { buyerId: 'muster-maschinenbau' }));
const answer = (r: Rejection) => rejectionResponse(r, X12_BUYER, OURS, { interchange: 906, group: 18, transaction: 2 }, { now })!;

describe('X12 interchanges that are refused, and what they are answered with', () => {
  it('the good one is taken (so each case below fails for its own reason)', () => {
    expect(parseInbound(join(good()), X12_BUYER, OURS, { buyerId: 'muster-maschinenbau' }).ok).toBe(true);
  });

  describe('broken envelopes: a TA1', () => {
    it('an ISA that is not fixed width (ISA06 not padded to 15): TA1 022, addressed with the ISA13 still found', () => {
      const lines = good();
      lines[0] = lines[0].replace('*MUSTERBUYER    *', '*MUSTERBUYER*');
      const r = read(lines);
      expect(r).toMatchObject({ status: 400, field: 'ISA06', acknowledgment: { interchangeControlNumber: '000000905', interchangeError: { code: '022' } } });
      expect(r.reason).toBe('ISA06 is 11 characters wide, not 15 (the ISA is fixed width)');
    });

    it('an ISA13 that is not 9 digits: 018, and no TA1, since there is no control number to address it to', () => {
      const lines = good();
      lines[0] = lines[0].replace('*000000905*', '*00000090A*');
      expect(read(lines)).toEqual({ reason: 'ISA13 "00000090A" is not 9 digits', field: 'ISA13', status: 400 });
    });

    it.each([
      ['IEA02 not ISA13', (l: string[]) => replace(l, 'IEA', 'IEA*1*000000999~'), '001', 'IEA02'],
      ['IEA01 a wrong group count', (l: string[]) => replace(l, 'IEA', 'IEA*2*000000905~'), '021', 'IEA01'],
      ['ISA09 not a date', (l: string[]) => [l[0].replace('*261201*', '*261301*'), ...l.slice(1)], '014', 'ISA09'],
      ['no IEA (cut short)', (l: string[]) => l.slice(0, -1), '023', 'IEA'],
      ['a segment outside any group', (l: string[]) => [...l.slice(0, -1), 'REF*ZZ*stray~', l[l.length - 1]], '024', 'REF'],
    ])('%s', (_name, mutate, code, field) => {
      const r = read(mutate(good()));
      expect(r).toMatchObject({ status: 400, field, acknowledgment: { interchangeControlNumber: expect.stringMatching(/^\d{9}$/), interchangeError: { code } } });
      expect(answer(r)).toMatch(new RegExp(`^TA1\\*\\d{9}\\*\\d{6}\\*\\d{4}\\*R\\*${code}~$`, 'm'));
    });

    it('an interchange version other than the one agreed (005010 from a 004010 partner)', () => {
      const lines = good();
      lines[0] = lines[0].replace('*U*00401*', '*^*00501*');
      expect(read(lines)).toMatchObject({ status: 400, field: 'ISA12', acknowledgment: { interchangeError: { code: '017' } } });
    });
  });

  describe('unknown partners: 403 and a TA1', () => {
    it('a sender that is not the partner (ISA06)', () => {
      const lines = good();
      lines[0] = lines[0].replace('*MUSTERBUYER    *', '*SOMEONEELSE    *');
      expect(read(lines)).toMatchObject({ status: 403, field: 'ISA06', acknowledgment: { interchangeError: { code: '006' } } });
    });

    it('a receiver that is not us (ISA08)', () => {
      const lines = good();
      lines[0] = lines[0].replace('*TRADELANE      *', '*ANOTHERHUB     *');
      expect(read(lines)).toMatchObject({ status: 403, field: 'ISA08', acknowledgment: { interchangeError: { code: '008' } } });
    });

    it("an application sender that is not the partner's (GS02)", () => {
      expect(read(replace(good(), 'GS', good()[1].replace('GS*PO*MUSTERBUYER*', 'GS*PO*OTHERDEPT*')))).toMatchObject({ status: 403, field: 'GS02' });
    });
  });

  describe('broken groups and transaction sets: a 997 with the code in error', () => {
    it.each([
      ['GE02 not GS06', (l: string[]) => replace(l, 'GE', 'GE*1*99~'), 'AK9*R*1*1*0*4~', 'GE02'],
      ['GE01 a wrong count', (l: string[]) => replace(l, 'GE', 'GE*2*17~'), 'AK9*R*1*1*0*5~', 'GE01'],
      ['GS08 not the version agreed', (l: string[]) => replace(l, 'GS', l[1].replace('*X*004010~', '*X*003060~')), 'AK9*R*1*1*0*2~', 'GS08'],
    ])('%s', (_name, mutate, ak9, field) => {
      const r = read(mutate(good()));
      expect(r).toMatchObject({ status: 400, field, acknowledgment: { accepted: false, group: { controlNumber: '17' } } });
      expect(answer(r)).toContain(ak9);
    });

    it.each([
      ['SE02 not ST02', (l: string[]) => replace(l, 'SE', 'SE*11*0002~'), 'AK5*R*3~', 'SE02'],
      ['SE01 a wrong segment count', (l: string[]) => replace(l, 'SE', 'SE*12*0001~'), 'AK5*R*4~', 'SE01'],
      ['a transaction set not taken in a PO group', (l: string[]) => replace(l, 'ST', 'ST*810*0001~'), 'AK5*R*1~', 'ST01'],
    ])('%s', (_name, mutate, ak5, field) => {
      const r = read(mutate(good()));
      expect(r).toMatchObject({ status: 400, field });
      const raw = answer(r);
      expect(raw).toContain('AK2*');
      expect(raw).toContain(ak5);
      expect(raw).toContain('AK9*R*1*1*0~');
    });
  });

  describe("documents that do not say what the intake needs: AK3/AK4 naming segment, position, element and code", () => {
    it.each([
      ['a missing mandatory segment (BEG)', (l: string[]) => replace(l, 'BEG', []), 'SE*10*0001~', 'AK3*BEG*2**3~', undefined],
      ['a change or cancellation (BEG01 01)', (l: string[]) => replace(l, 'BEG', 'BEG*01*SA*PO-4711**20261201~'), undefined, 'AK3*BEG*2**8~', 'AK4*1**7*01~'],
      ['a missing mandatory element (BEG03)', (l: string[]) => replace(l, 'BEG', 'BEG*00*SA***20261201~'), undefined, 'AK3*BEG*2**8~', 'AK4*3**1~'],
      ['a quantity that is not a number (PO102)', (l: string[]) => replace(l, 'PO1', 'PO1*1*five*EA*0.15**VP*BOLT-M8~'), undefined, 'AK3*PO1*8**8~', 'AK4*2**6*five~'],
      ['a price that is not a number (PO104)', (l: string[]) => replace(l, 'PO1', 'PO1*1*500*EA*1,5**VP*BOLT-M8~'), undefined, 'AK3*PO1*8**8~', 'AK4*4**6*1,5~'],
      ['a price finer than the currency (PO104 0.155 EUR)', (l: string[]) => replace(l, 'PO1', 'PO1*1*500*EA*0.155**VP*BOLT-M8~'), undefined, 'AK3*PO1*8**8~', 'AK4*4**6*0.155~'],
      ['a date that is no day (DTM02 20261232)', (l: string[]) => replace(l, 'DTM', 'DTM*002*20261232~'), undefined, 'AK3*DTM*4**8~', 'AK4*2**8*20261232~'],
      ['a SKU the intake refuses (lower case)', (l: string[]) => replace(l, 'PO1', 'PO1*1*500*EA*0.15**VP*bolt-m8~'), undefined, 'AK3*PO1*8**8~', 'AK4*7**6*bolt-m8~'],
      ['a country that is not ISO 3166 alpha-2 (N404 DEU)', (l: string[]) => replace(l, 'N4', 'N4*Köln**50667*DEU~'), undefined, 'AK3*N4*7**8~', 'AK4*4**7*DEU~'],
      ['a country longer than N404 takes (Germany)', (l: string[]) => replace(l, 'N4', 'N4*Köln**50667*Germany~'), undefined, 'AK3*N4*7**8~', 'AK4*4**5*Germany~'],
      ['a CTT line count that is wrong', (l: string[]) => replace(l, 'CTT', 'CTT*3*800~'), undefined, 'AK3*CTT*10**8~', 'AK4*1**7*3~'],
      ['no ship-to (N1*ST)', (l: string[]) => replace(replace(replace(l, 'N1', []), 'N3', []), 'N4', []), 'SE*8*0001~', 'AK3*N1*3**3~', undefined],
    ])('%s', (_name, mutate, se, ak3, ak4) => {
      let lines = mutate(good());
      if (se) lines = replace(lines, 'SE', se);
      const r = read(lines);
      expect(r.status).toBe(400);
      const raw = answer(r);
      expect(raw).toContain(ak3);
      if (ak4) expect(raw).toContain(ak4);
      expect(raw).toContain('AK5*R*5~');
      expect(r.reason).toMatch(/transaction set 850 0001/);
    });
  });

  it('an interchange is taken whole or not at all: one bad set of two rejects both, AK9 counts 2 received, 0 accepted', () => {
    const lines = good();
    const st = lines.findIndex((l) => l.startsWith('ST*'));
    const se = lines.findIndex((l) => l.startsWith('SE*'));
    const second = lines.slice(st, se + 1).map((l) => l.replace('*0001~', '*0002~').replace('PO1*1*500*', 'PO1*1*x*'));
    const both = [...lines.slice(0, se + 1), ...second, 'GE*2*17~', lines[lines.length - 1]];
    const r = read(both);
    expect(r.acknowledgment!.transactions.map((t) => [t.controlNumber, t.accepted])).toEqual([['0001', false], ['0002', false]]);
    expect(answer(r)).toContain('AK9*R*2*2*0~');
  });

  it('a document larger than the limit is refused before it is read (413, no acknowledgment)', () => {
    const r = rejected(parseInbound(join(good()), X12_BUYER, OURS, { maxBytes: 200 }));
    expect(r).toMatchObject({ status: 413 });
    expect(r.acknowledgment).toBeUndefined();
  });

  it('something that is not X12 at all', () => {
    expect(rejected(parseInbound('hello', X12_BUYER, OURS))).toMatchObject({ status: 400, reason: 'the document is not x12' });
    expect(rejected(parseInbound("UNB+UNOC:3+A+B+261201:1000+1'", X12_BUYER, OURS))).toMatchObject({ status: 400, reason: 'the document is edifact, this partner speaks x12' });
  });
});

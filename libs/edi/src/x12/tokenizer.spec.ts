import { buildOutbound, detectStandard } from '../api';
import { BuildError } from '../errors';
import { INQUIRY } from '../testing/messages';
import { OURS, X12_BUYER_5010 } from '../testing/partners';
import { tokenizeX12, X12EnvelopeError } from './tokenizer';
import { writeX12 } from './writer';

const isa = (e: string, c: string, s: string, rep = 'U', version = '00401') =>
  ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'MUSTERBUYER'.padEnd(15), 'ZZ', 'TRADELANE'.padEnd(15), '261201', '1030', rep, version, '000000905', '0', 'P', c].join(e) + s;

describe('the X12 tokenizer takes its separators from the ISA', () => {
  it('element = character 4, component = ISA16, segment = the character after ISA16, repetition = ISA11 in 005010', () => {
    const raw = isa('|', '\\', '!', '^', '00501') + 'GS|PO|A|B|20261201|1030|1|X|005010!ST|850|0001!N1|ST|a\\b!';
    const { separators, segments } = tokenizeX12(raw);
    expect(separators).toEqual({ element: '|', component: '\\', segment: '!', repetition: '^' });
    expect(segments.map((s) => [s.position, s.id])).toEqual([[1, 'ISA'], [2, 'GS'], [3, 'ST'], [4, 'N1']]);
    expect(segments[3].elements).toEqual(['N1', 'ST', 'a\\b']);
  });

  it('line breaks after terminators (CRLF or LF) are not part of the next segment; 004010 has no repetition separator', () => {
    const { separators, segments } = tokenizeX12(`${isa('*', '>', '~')}\r\nGS*PO~\nST*850*0001~\r\n`);
    expect(separators).toEqual({ element: '*', component: '>', segment: '~' });
    expect(segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST']);
  });

  it('a newline may itself be the segment terminator', () => {
    const { separators, segments } = tokenizeX12(`${isa('*', '>', '\n')}GS*PO\nST*850*0001\n`);
    expect(separators.segment).toBe('\n');
    expect(segments.map((s) => s.elements)).toEqual([expect.any(Array), ['GS', 'PO'], ['ST', '850', '0001']]);
  });

  it.each([
    ['no ISA', 'GS*PO~', '022'],
    ['an ISA cut short', isa('*', '>', '~').slice(0, 80), '023'],
    ['a letter as element separator', isa('A', '>', '~'), '026'],
    ['the component separator equal to the element separator', isa('*', '*', '~'), '027'],
    ['ISA08 padded to 14', isa('*', '>', '~').replace('TRADELANE      ', 'TRADELANE     ') + 'GS*PO~', '022'],
    ['a digit as segment terminator', isa('*', '>', '7') + 'GS*PO7', '004'],
  ])('refuses %s with TA1 code %s', (_name, raw, code) => {
    expect(() => tokenizeX12(raw)).toThrow(expect.objectContaining({ code }) as X12EnvelopeError);
  });
});

describe('the X12 writer', () => {
  it('drops trailing empty elements and components, and pads the ISA to its fixed width', () => {
    expect(writeX12([['N3', 'Industriestr. 5', ''], ['IK4', ['2', ''], '', '6']], { element: '*', component: '>', segment: '~' })).toBe('N3*Industriestr. 5~\nIK4*2**6~\n');
    const raw = buildOutbound({ kind: 'stock-inquiry', inquiry: INQUIRY }, X12_BUYER_5010, OURS, { interchange: 1, group: 1, transaction: 1 }).raw;
    expect(raw.indexOf('~')).toBe(105);
    expect(raw.slice(0, 106)).toMatch(/^ISA\*00\* {10}\*00\* {10}\*ZZ\*TRADELANE {6}\*01\*123456789 {6}\*\d{6}\*\d{4}\*\^\*00501\*000000001\*0\*P\*>~$/);
  });

  it('refuses a value holding a separator (X12 has no release character) and names the element', () => {
    const inquiry = { ...INQUIRY, lines: [{ lineNo: 1, sku: 'BOLT*M8', quantity: 1 }] };
    expect(() => buildOutbound({ kind: 'stock-inquiry', inquiry }, X12_BUYER_5010, OURS, { interchange: 1, group: 1, transaction: 1 })).toThrow(
      expect.objectContaining({ field: 'PO107' }) as BuildError,
    );
  });

  it('refuses control numbers that do not fit (ISA13 is 9 digits)', () => {
    expect(() => buildOutbound({ kind: 'stock-inquiry', inquiry: INQUIRY }, X12_BUYER_5010, OURS, { interchange: 1_000_000_000, group: 1, transaction: 1 })).toThrow(BuildError);
  });
});

describe('detectStandard', () => {
  it.each([
    ['ISA*00*…', 'x12'],
    ["UNA:+.? 'UNB+…", 'edifact'],
    ["UNB+UNOC:3+…", 'edifact'],
    ['<?xml version="1.0"?>\n<!DOCTYPE cXML SYSTEM "x.dtd">\n<cXML payloadID="1">', 'cxml'],
    ['\uFEFF  <cXML>', 'cxml'],
    ['{"buyerId":"x"}', undefined],
    ['<Order/>', undefined],
  ])('%j → %s', (raw, standard) => expect(detectStandard(raw)).toBe(standard));
});

import { EdifactSyntaxError, readServiceAdvice, tokenizeEdifact } from './tokenizer';
import { writeEdifact } from './writer';

describe('the EDIFACT tokenizer', () => {
  it("takes the UNA's service characters, else the defaults :+.? '", () => {
    expect(tokenizeEdifact("UNA|;,! ~UNB;UNOC|3;A~").segments[0].elements).toEqual([['UNB'], ['UNOC', '3'], ['A']]);
    expect(tokenizeEdifact("UNB+UNOC:3+A'").separators).toEqual({ component: ':', element: '+', decimal: '.', release: '?', segment: "'" });
  });

  it('resolves the release character, so separators may be data', () => {
    const { segments } = tokenizeEdifact("UNB+UNOC:3'NAD+ST+++O?'Neil ?+ Sons?: Ltd??'");
    expect(segments[1].elements[4]).toEqual(["O'Neil + Sons: Ltd?"]);
  });

  it('counts positions from 1 and drops line breaks between segments', () => {
    const { segments } = tokenizeEdifact("UNA:+.? '\r\nUNB+UNOC:3'\r\nUNH+1+ORDERS:D:96A:UN'\nBGM+220'\n");
    expect(segments.map((s) => [s.position, s.tag])).toEqual([[1, 'UNB'], [2, 'UNH'], [3, 'BGM']]);
  });

  it.each([
    ['a UNA too short', "UNA:+.'", '22'],
    ['a UNA repeating a separator', "UNA::.? 'UNB'", '22'],
    ['a release character at the very end', "UNB+A?", '21'],
    ['a last segment with no terminator', "UNB+UNOC:3'UNZ+1+1", '18'],
  ])('refuses %s (0085 code %s)', (_name, raw, code) => {
    expect(() => tokenizeEdifact(raw)).toThrow(expect.objectContaining({ code }) as EdifactSyntaxError);
  });

  it('the writer escapes what the tokenizer resolves, with any UNA', () => {
    const separators = readServiceAdvice("UNA|;,! ~").separators;
    const raw = writeEdifact([['NAD', 'ST', '', '', "A|B;C!D~E'F", ['x', 'y']]], separators);
    expect(raw).toBe("UNA|;,! ~\nNAD;ST;;;A!|B!;C!!D!~E'F;x|y~\n");
    expect(tokenizeEdifact(raw).segments[0].elements).toEqual([['NAD'], ['ST'], [''], [''], ["A|B;C!D~E'F"], ['x', 'y']]);
  });
});

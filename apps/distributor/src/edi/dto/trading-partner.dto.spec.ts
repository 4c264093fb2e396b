import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SeparatorsDto } from './trading-partner.dto';

const refused = (segment: string) => validateSync(plainToInstance(SeparatorsDto, { segment })).length > 0;

describe('separators of a trading-partner profile', () => {
  it('take one character up to U+00FF that is not a letter, digit or white space, control characters included', () => {
    expect(['~', "'", '\u001c', '\u0085', '['].map(refused)).toEqual([false, false, false, false, false]);
    expect(['a', '7', ' ', '\n', '\u00a0', '\u20ac', '~~', ''].map(refused)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('refuses a character beyond U+FFFF, as the pattern in the OpenAPI document says (one character there, two UTF-16 units here)', () => {
    expect(refused('\u{24bc0}')).toBe(true);
    expect(new RegExp(Reflect.getMetadata('swagger/apiModelProperties', SeparatorsDto.prototype, 'segment').pattern, 'u').test('\u{24bc0}')).toBe(false);
  });
});

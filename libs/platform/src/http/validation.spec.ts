import { IsString } from 'class-validator';
import { ProblemException } from './problem';
import { createValidationPipe, nulPath } from './validation';

class Named {
  @IsString()
  name: string;
}

describe('NUL in text', () => {
  it('finds the first string holding NUL, by its path', () => {
    expect(nulPath({ name: 'a', lines: [{ sku: 'ok' }, { sku: 'b\u0000' }] })).toBe('lines[1].sku');
    expect(nulPath({ name: 'fine', n: 3, nested: { ok: true } })).toBeUndefined();
    expect(nulPath('x\u0000', 'id')).toBe('id');
  });

  it('is refused with a 422 naming the field, before the DTO is built', async () => {
    const pipe = createValidationPipe({ parent: 'order' });
    const refused = await pipe.transform({ name: 'Acme\u0000' }, { type: 'body', metatype: Named }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemException);
    const problem = refused as ProblemException;
    expect(problem.getStatus()).toBe(422);
    expect(JSON.stringify(problem.getResponse())).toContain('order.name');
  });

  it('leaves text without NUL to the DTO', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ name: 'Acme' }, { type: 'body', metatype: Named })).resolves.toBeInstanceOf(Named);
    const refused = await pipe.transform('q\u0000', { type: 'query', data: 'status', metatype: String }).catch((e: unknown) => e);
    expect((refused as ProblemException).errors).toEqual([{ field: 'status', message: 'must not contain NUL (U+0000)' }]);
  });
});

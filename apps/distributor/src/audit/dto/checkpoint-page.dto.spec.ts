import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CheckpointPageDto } from './checkpoint-page.dto';

const problems = (query: Record<string, string>) => validateSync(plainToInstance(CheckpointPageDto, query)).map((e) => e.property);

describe('a page of checkpoints', () => {
  it('refuses an after beyond what the sequence column holds, which PostgreSQL would refuse as a 500', () => {
    expect(problems({ after: '2147483647' })).toEqual([]);
    expect(problems({ after: '7845701964' })).toEqual(['after']);
  });
});

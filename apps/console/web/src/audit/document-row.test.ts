import { describe, expect, it } from 'vitest';
import { controlNumbers } from './document-row';

describe('an EDI document row of the timeline', () => {
  it('names the control numbers its standard has, and says when it has none', () => {
    expect(controlNumbers({ interchangeControl: '000001001', groupControl: '1001', transactionControl: '0001' })).toBe('interchange 000001001, group 1001, transaction 0001');
    expect(controlNumbers({ interchangeControl: '4711', groupControl: null, transactionControl: '1' })).toBe('interchange 4711, transaction 1');
    expect(controlNumbers({ interchangeControl: null, groupControl: null, transactionControl: null })).toBe('no control numbers');
  });
});

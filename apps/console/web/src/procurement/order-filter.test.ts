import { describe, expect, it } from 'vitest';
import { filterFromSearch, filterToApiQuery, filterToSearch, withFilter } from './order-filter';

describe('order list filter and the address', () => {
  it('round-trips through the query string', () => {
    const filter = { status: 'completed', createdFrom: '2030-01-01', createdTo: '2030-01-31', q: 'BOLT', sort: 'oldest' as const, cursor: 'abc' };
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
    expect(filterToSearch({ sort: 'newest' }).toString()).toBe('');
  });
  it('drops what it does not know', () => {
    expect(filterFromSearch(new URLSearchParams('status=evil&from=yesterday&sort=random'))).toEqual({ sort: 'newest' });
  });
  it('asks the distributor with whole days, the end day included', () => {
    expect(filterToApiQuery({ createdFrom: '2030-01-01', createdTo: '2030-01-31', sort: 'newest' }, 10)).toEqual({
      limit: 10,
      sort: '-createdAt',
      createdFrom: '2030-01-01T00:00:00.000Z',
      createdTo: '2030-02-01T00:00:00.000Z',
    });
  });
  it('starts again at the first page when the filter changes', () => {
    expect(withFilter({ sort: 'newest', cursor: 'x' }, { status: 'cancelled' }).cursor).toBeUndefined();
    expect(withFilter({ sort: 'newest' }, { cursor: 'y' }).cursor).toBe('y');
  });
});

// node --test infra/bench/*.test.mjs: the waiting-orders run's parts that need no stack: how "flat"
// is judged over the idle period, and the one results row per count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table } from './report.mjs';
import { slope } from './scaling.mjs';

describe('the idle period', () => {
  it('judges growth by the least-squares slope, in the unit of its points', () => {
    assert.equal(slope([[0, 400], [1, 410], [2, 420]]), 10);
    assert.equal(slope([[0, 400], [1, 380], [2, 400], [3, 380]]), -4);
    assert.equal(slope([[0, 400], [0, 420]]), 0);
    assert.equal(slope([[0, 400]]), 0);
  });
});

describe('the results row of a count', () => {
  it('gives submission rate, the distributor before, waiting and through the idle period, the server and PostgreSQL, and the answered sample', () => {
    const d = 'service:distributor';
    const run = {
      count: 1000,
      totalOpen: 1000,
      submittedPerSecond: 17.4,
      points: [
        { label: 'before', rssMiB: { [d]: 330, 'temporal-server': 260, postgres: 700 } },
        { label: '1000 waiting', rssMiB: { [d]: 780, 'temporal-server': 270, postgres: 720 } },
      ],
      idle: {
        seconds: 60,
        maxMiB: { [d]: 779 },
        lastMiB: { [d]: 379, 'temporal-server': 275, postgres: 730 },
        slopeMiBPerMinute: { [d]: -337.3 },
        secondHalfSlopeMiBPerMinute: { [d]: -17.5 },
      },
      answered: { sampled: 200, completed: 199, seconds: 141.3 },
    };
    const rows = table({ scaling: { openOrders: [run] } }).split('\n').filter((l) => l.startsWith('| 1000 '));
    assert.deepEqual(rows, ['| 1000 | 17.4 | 330, 780, 779, 379 | 60 s, -337.3, -17.5 | 260, 275 | 700, 730 | 199 of 200, 141.3 s |']);
  });
});

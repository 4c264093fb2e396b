// The bench's settings: environment variables, some also as flags.
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].split('=').slice(1).join('=') : argv[i + 1];
};
const num = (flagName, envName, fallback) => {
  const raw = value(flagName) ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${envName} (--${flagName}) must be a non-negative number, got ${raw}`);
  return n;
};
const list = (flagName, envName, fallback) => {
  const raw = value(flagName) ?? process.env[envName];
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : fallback;
};

export function readOptions() {
  const full = flag('full') || process.env.BENCH_FULL === '1';
  const options = {
    full,
    concurrency: num('concurrency', 'BENCH_CONCURRENCY', 8),
    windowSeconds: num('window', 'BENCH_WINDOW_SECONDS', full ? 30 : 15),
    rounds: num('rounds', 'BENCH_ROUNDS', full ? 3 : 2),
    warmupSeconds: num('warmup', 'BENCH_WARMUP_SECONDS', 5),
    latencyMs: num('latency', 'BENCH_BOT_LATENCY_MS', 0),
    pollMs: num('poll', 'BENCH_POLL_MS', 50),
    buyerWaitSeconds: num('buyer-wait', 'BENCH_BUYER_WAIT_SECONDS', 20),
    botPollMs: num('bot-poll', 'BENCH_BOT_POLL_MS', 100),
    historySample: num('history-sample', 'BENCH_HISTORY_SAMPLE', 20),
    arms: list('arms', 'BENCH_ARMS', ['A', 'B', 'B-LA', 'R']),
    // `--lines 0` (or an empty list) leaves out the line-scaling orders.
    lineSizes: ((value('lines') ?? process.env.BENCH_LINE_SIZES) === '' ? [] : list('lines', 'BENCH_LINE_SIZES', ['1', '100', '1000', '5000'])).map(Number).filter((n) => n > 0),
    openOrders: list('open', 'BENCH_OPEN_ORDERS', full ? ['1000', '10000'] : ['1000']).map(Number),
    idleSeconds: num('idle', 'BENCH_IDLE_SECONDS', 20),
    answerSample: num('answer-sample', 'BENCH_ANSWER_SAMPLE', 1000),
    skipLoad: flag('skip-load'),
    skipScaling: flag('skip-scaling'),
    burst: num('burst', 'BENCH_BURST', 0),
    burstConcurrency: num('burst-concurrency', 'BENCH_BURST_CONCURRENCY', 64),
    burstBuyers: num('burst-buyers', 'BENCH_BURST_BUYERS', 4),
    burstTimeoutSeconds: num('burst-timeout', 'BENCH_BURST_TIMEOUT_SECONDS', 1800),
    outDir: value('out') ?? process.env.BENCH_OUT_DIR ?? '.bench',
    buyerId: process.env.BENCH_BUYER_ID ?? 'muster-maschinenbau',
    maxVariation: num('max-variation', 'BENCH_MAX_VARIATION', 0.15),
    label: value('label') ?? process.env.BENCH_LABEL ?? '',
  };
  if (options.concurrency < 1) throw new Error('BENCH_CONCURRENCY must be at least 1');
  if (options.burst && (options.burstConcurrency < 1 || options.burstBuyers < 1)) throw new Error('BENCH_BURST_CONCURRENCY and BENCH_BURST_BUYERS must be at least 1');
  for (const arm of options.arms) if (!['A', 'B', 'B-LA', 'R'].includes(arm)) throw new Error(`unknown arm ${arm}; use A, B, B-LA, R`);
  return options;
}

// The matrix as a table: fault × step → orders tried / survived / invariants broken.
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(results) {
  const lines = [
    `# Chaos matrix ${results.startedAt}${results.ci ? ' (CI subset)' : ''}`,
    '',
    `${results.machine.cpus} cores, Node ${results.machine.node}; ${(results.seconds / 60).toFixed(1)} min wall time; ${results.verdict}`,
    '',
    '| kind | fault | step | orders tried | survived | invariant broken | s |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results.rows) {
    const broken = r.skipped
      ? `skipped: ${r.skipped}`
      : r.error
      ? `row failed: ${r.error}`
      : Object.entries(r.broken)
          .map(([invariant, n]) => `${invariant} ×${n}`)
          .join(', ') || '—';
    lines.push(`| ${r.kind} | ${cell(r.fault)} | ${cell(r.step)} | ${r.tried} | ${r.survived} | ${cell(broken)} | ${Math.round(r.seconds)} |`);
  }
  const details = results.rows.flatMap((r) => r.details.map((d) => `- ${r.id}, order ${d.orderId}: ${d.invariant}: ${d.detail}`));
  if (results.ledger?.length) details.push(...results.ledger.map((l) => `- the whole ledger: ${l.detail}`));
  if (details.length) lines.push('', '## What broke', '', ...details.map(cell));
  const notes = results.rows.flatMap((r) => r.notes.map((n) => `- ${r.id}: ${n}`));
  if (notes.length) lines.push('', '## Notes', '', ...notes);
  if (results.soak) lines.push('', soakMarkdown(results.soak));
  return `${lines.join('\n')}\n`;
}

export function soakMarkdown(soak) {
  const lines = [
    `## Soak: ${soak.minutes} min, ${soak.orders} orders, ${soak.faults.length} faults`,
    '',
    '| process | restarts | RSS start MiB | RSS end | RSS max | RSS growth | fds start | fds end | fds max | fd growth |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, p] of Object.entries(soak.processes)) {
    lines.push(
      `| ${name} | ${p.pids.length - 1} | ${p.rss.start.toFixed(0)} | ${p.rss.end.toFixed(0)} | ${p.rss.max.toFixed(0)} | ${(p.rss.end - p.rss.start).toFixed(0)} | ${p.fds.start} | ${p.fds.end} | ${p.fds.max} | ${p.fds.end - p.fds.start} |`,
    );
  }
  lines.push('', `Faults: ${soak.faults.map((f) => `${f.at.slice(11, 19)} ${f.fault}`).join('; ') || 'none'}`);
  return lines.join('\n');
}

export function save(results, outDir) {
  mkdirSync(outDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = join(outDir, `results-${stamp}.json`);
  const md = join(outDir, `results-${stamp}.md`);
  writeFileSync(json, JSON.stringify(results, null, 2));
  writeFileSync(md, markdown(results));
  copyFileSync(json, join(outDir, 'latest.json'));
  copyFileSync(md, join(outDir, 'latest.md'));
  return { json, md };
}

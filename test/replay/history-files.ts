import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { WorkflowHandle } from '@temporalio/client';
import type { HistoryAndWorkflowId } from '@temporalio/common';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** Where the replay gate's saved histories live: one folder per release, one closed order per file. */
export const HISTORIES_DIR = resolve(__dirname, '../histories');

/** The paths of the flow every release's generation must hold, each as <path>.json. */
export const REQUIRED_PATHS = [
  'people',
  'automatic',
  'partial-fill',
  'partial-fill-back-order',
  'escalation',
  'late-cancellation',
  'payment-declined',
];

/**
 * Writes the order's event history to $SAVE_HISTORIES/<name>.json, only when that variable is
 * set (`npm run histories:record`); an ordinary test run writes nothing. A file that exists is
 * never overwritten: a release's histories are added once.
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const dir = process.env.SAVE_HISTORIES;
  if (!dir) return;
  const file = join(dir, `${name}.json`);
  if (existsSync(file)) throw new Error(`${file} exists: a release's saved histories are never refreshed`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
}

/** The releases that saved histories, oldest first by version. */
export function generations(): string[] {
  return readdirSync(HISTORIES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(compareVersions);
}

export function savedHistoryNames(generation: string): string[] {
  return readdirSync(join(HISTORIES_DIR, generation))
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

export function readSavedHistory(generation: string, name: string): HistoryAndWorkflowId {
  const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, generation, `${name}.json`), 'utf8')));
  return { workflowId: `${generation}/${name}`, history };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

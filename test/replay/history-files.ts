import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { WorkflowHandle } from '@temporalio/client';
import type { HistoryAndWorkflowId } from '@temporalio/common';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** Where the replay gate's saved histories live, one closed order per file. */
export const HISTORIES_DIR = resolve(__dirname, '../histories');

/** The paths of the flow issue 4 asks the gate to cover; each must be saved as <name>.json. */
export const REQUIRED_PATHS = ['people', 'automatic', 'partial-fill', 'escalation', 'late-cancellation', 'payment-declined'];

/**
 * Writes the order's event history to $SAVE_HISTORIES/<name>.json, only when that variable is
 * set (`npm run histories:refresh`); an ordinary test run writes nothing.
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const dir = process.env.SAVE_HISTORIES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${historyToJSON(await handle.fetchHistory())}\n`);
}

export function savedHistoryNames(): string[] {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

export function readSavedHistory(name: string): HistoryAndWorkflowId {
  const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, `${name}.json`), 'utf8')));
  return { workflowId: `saved:${name}`, history };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture from `<standard>/samples/` (see SOURCES.md there for where each shape comes from). */
export const sample = (standard: 'x12' | 'edifact' | 'cxml', file: string) => readFileSync(join(__dirname, '..', standard, 'samples', file), 'utf8');

import type { EdifactElement } from '../writer';

export interface EdifactReadContext {
  interchangeControlNumber: string;
  buyerId: string;
  defaultCurrency?: string;
}

export type Segments = EdifactElement[][];

/** LIN C212 / PIA item number types taken as our SKU: SA supplier's article number (ours), then IN buyer's, then others. */
export const ITEM_TYPES = ['SA', 'IN', 'MF', 'EN', 'SRV', ''];

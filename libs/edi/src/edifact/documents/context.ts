import type { DocumentLocation } from '../../documents';
import type { EdifactElement } from '../writer';

export interface EdifactReadContext {
  interchangeControlNumber: string;
  buyerId: string;
  defaultCurrency?: string;
  /** Filled by the ORDERS reader: where each intake field was read. */
  locations?: Record<string, DocumentLocation>;
}

export const at = (segment: { tag: string; position: number }, elementPosition?: number, componentPosition?: number): DocumentLocation => ({
  segmentId: segment.tag,
  segmentPosition: segment.position,
  ...(elementPosition ? { elementPosition } : {}),
  ...(componentPosition ? { componentPosition } : {}),
});

export type Segments = EdifactElement[][];

/** LIN C212 / PIA item number types taken as our SKU: SA supplier's article number (ours), then IN buyer's, then others. */
export const ITEM_TYPES = ['SA', 'IN', 'MF', 'EN', 'SRV', ''];

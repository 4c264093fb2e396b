import type { DocumentLocation } from '../../documents';
import type { X12Element } from '../writer';
import type { X12Reader } from '../reader';

export interface X12ReadContext {
  interchangeControlNumber: string;
  /** GS04 as YYYY-MM-DD. */
  groupDate: string;
  buyerId: string;
  defaultCurrency?: string;
  /** Filled by readers of purchase orders: where each intake field was read. */
  locations?: Record<string, DocumentLocation>;
}

export type Segments = X12Element[][];
export type { X12Reader };

/** SKU qualifiers in PO1/LIN/IT1 pairs, first found wins: the distributor's catalogue SKU is the vendor's part number (VP, VN, SK), or the manufacturer's (MG, as X12's own 850 example sends), else the buyer's, ISBN or UPC. */
export const SKU_QUALIFIERS = ['VP', 'VN', 'SK', 'MG', 'BP', 'IN', 'UP'];

export const at = (segment: { id: string; position: number }, elementPosition?: number): DocumentLocation => ({
  segmentId: segment.id,
  segmentPosition: segment.position,
  ...(elementPosition ? { elementPosition } : {}),
});

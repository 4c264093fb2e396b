import type { X12Element } from '../writer';
import type { X12Reader } from '../reader';

export interface X12ReadContext {
  interchangeControlNumber: string;
  /** GS04 as YYYY-MM-DD. */
  groupDate: string;
  buyerId: string;
  defaultCurrency?: string;
}

export type Segments = X12Element[][];
export type { X12Reader };

/** SKU qualifiers in PO1/LIN/IT1 pairs: the distributor's catalogue SKU is the vendor's part number. */
export const SKU_QUALIFIERS = ['VP', 'VN', 'SK', 'BP', 'IN'];

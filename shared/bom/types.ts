/**
 * The bill of materials: what the design needs bought (and what it keeps), line by line, with
 * quantities, unit prices and where each price comes from (docs/bom.md).
 */
export type BomCategory = 'it' | 'racks' | 'power' | 'cooling' | 'containment' | 'security';

export const BOM_CATEGORIES: readonly { id: BomCategory; name: string }[] = [
  { id: 'it', name: 'IT equipment' },
  { id: 'racks', name: 'Racks' },
  { id: 'power', name: 'Power distribution' },
  { id: 'cooling', name: 'Cooling' },
  { id: 'containment', name: 'Containment' },
  { id: 'security', name: 'Security' },
];

/** What a line's quantity counts: units, kVA of rating, kW of capacity, metres. */
export type BomUnit = 'each' | 'kVA' | 'kW' | 'm';

/**
 * Where a line's unit price comes from: the catalog's indicative figure, the user's quote, none
 * (a quote is needed), or none because the items are already on site and are not bought.
 */
export type PriceOrigin = 'catalog' | 'quote' | 'none' | 'existing';

export interface BomLine {
  /** Unique within the bill: the item key, with `:existing` for what is already on site. */
  key: string;
  /** What a quote prices (quoteSchema.itemKey): a catalog id or an equipment key. */
  itemKey: string;
  category: BomCategory;
  description: string;
  unit: BomUnit;
  quantity: number;
  existing: boolean;
  /** Per unit, in the bill's currency; null when no price is known or the items are not bought. */
  unitPrice: number | null;
  /** quantity × unitPrice; 0 for existing items; null when unpriced. */
  total: number | null;
  priceOrigin: PriceOrigin;
  /** The price's source (catalog reference with its confidence tag, the quote's supplier), or why there is none. */
  priceSource: string;
  /** When the price was given (a quote's date) or read (a catalog figure); null when unpriced. */
  priceDate: string | null;
  /** The document entities the line counts, so the UI can select them. */
  entities: string[];
}

export interface BomCategoryTotal {
  category: BomCategory;
  name: string;
  /** Sum of the priced lines, in the bill's currency. */
  total: number;
  lines: number;
  /** New-build lines without a price: the total is incomplete while this is above 0. */
  unpriced: number;
}

export interface Bom {
  currency: string;
  lines: BomLine[];
  /** Every category in BOM_CATEGORIES order, empty ones included. */
  categories: BomCategoryTotal[];
  /** Sum of the priced lines. */
  total: number;
  unpricedLines: number;
}

/**
 * The bill of materials of a design: every device, rack frame, piece of distribution, cooling,
 * containment and security hardware the document holds, aggregated into lines with their
 * quantities, priced from the user's quotes first and the catalog's indicative figures second,
 * and totalled by category (docs/bom.md). Pure: document in, bill out.
 *
 * A line's total is quantity × unit price. Items already on site (`existing`) are listed with a
 * total of 0, and lines with no price count as unpriced, so a total is never silently short.
 */
import { catalogFor, type CatalogPrice } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { countEquipment } from './equipmentLines';
import { BOM_CATEGORIES, type Bom, type BomLine } from './types';

export type * from './types';
export { BOM_CATEGORIES };

/** A line before pricing: what it is and how many. */
export type Tally = Pick<
  BomLine,
  'itemKey' | 'category' | 'description' | 'unit' | 'quantity' | 'existing' | 'entities'
>;

/** Adds `quantity` to the tally of (itemKey, existing), creating it with `fields` the first time. */
export class Tallies {
  private readonly byKey = new Map<string, Tally>();

  add(fields: Omit<Tally, 'quantity' | 'entities'>, quantity: number, entity: string): void {
    const key = fields.existing ? `${fields.itemKey}:existing` : fields.itemKey;
    let t = this.byKey.get(key);
    if (!t) {
      t = { ...fields, quantity: 0, entities: [] };
      this.byKey.set(key, t);
    }
    t.quantity += quantity;
    t.entities.push(entity);
  }

  all(): Tally[] {
    return [...this.byKey.values()];
  }
}

export function buildBom(doc: ProjectDocument): Bom {
  const catalog = catalogFor(doc);
  const tallies = new Tallies();
  for (const rack of doc.racks) {
    const type = catalog.rackType(rack.rackTypeId);
    tallies.add(
      {
        itemKey: rack.rackTypeId,
        category: 'racks',
        description: type?.name ?? `Unknown rack type ${rack.rackTypeId}`,
        unit: 'each',
        existing: rack.existing,
      },
      1,
      rack.id,
    );
    for (const d of rack.devices) {
      tallies.add(
        {
          itemKey: d.catalogId,
          category: 'it',
          description: catalog.device(d.catalogId)?.name ?? `Unknown device ${d.catalogId}`,
          unit: 'each',
          existing: d.existing,
        },
        1,
        rack.id,
      );
    }
  }
  countEquipment(doc, catalog, tallies);

  const quotes = new Map(doc.quotes.map((q) => [q.itemKey, q]));
  const catalogPrice = (key: string): CatalogPrice | null =>
    catalog.device(key)?.price ?? catalog.rackType(key)?.price ?? null;
  const lines = tallies
    .all()
    .map((t) => priceLine(t, quotes.get(t.itemKey), catalogPrice(t.itemKey), doc.settings.currency));
  const order = new Map(BOM_CATEGORIES.map((c, i) => [c.id, i]));
  lines.sort(
    (a, b) =>
      order.get(a.category)! - order.get(b.category)! ||
      Number(a.existing) - Number(b.existing) ||
      a.description.localeCompare(b.description),
  );
  return totalBom(lines, doc.settings.currency);
}

/** The bill of priced lines: totals by category and overall, priced lines summed, unpriced new-build lines counted. */
export function totalBom(lines: BomLine[], currency: string): Bom {
  const categories = BOM_CATEGORIES.map(({ id, name }) => {
    const mine = lines.filter((l) => l.category === id);
    return {
      category: id,
      name,
      total: mine.reduce((s, l) => s + (l.total ?? 0), 0),
      lines: mine.length,
      unpriced: mine.filter((l) => l.total === null).length,
    };
  });
  return {
    currency,
    lines,
    categories,
    total: categories.reduce((s, c) => s + c.total, 0),
    unpricedLines: categories.reduce((s, c) => s + c.unpriced, 0),
  };
}

const NO_PRICE = 'No authoritative public price (figures.md §5): enter a quote from your supplier.';

function priceLine(
  t: Tally,
  quote: ProjectDocument['quotes'][number] | undefined,
  indicative: CatalogPrice | null,
  currency: string,
): BomLine {
  const base = { ...t, key: t.existing ? `${t.itemKey}:existing` : t.itemKey };
  if (t.existing)
    return {
      ...base,
      unitPrice: null,
      total: 0,
      priceOrigin: 'existing',
      priceSource: 'Already on site: not bought.',
      priceDate: null,
    };
  if (quote)
    return {
      ...base,
      unitPrice: quote.unitPrice,
      total: quote.unitPrice * t.quantity,
      priceOrigin: 'quote',
      priceSource: `Quote: ${quote.source}`,
      priceDate: quote.date,
    };
  if (indicative && currency === 'USD')
    return {
      ...base,
      unitPrice: indicative.usd,
      total: indicative.usd * t.quantity,
      priceOrigin: 'catalog',
      priceSource: `INDICATIVE [${indicative.source.tag}] ${indicative.source.ref}`,
      priceDate: indicative.asOf,
    };
  const why = indicative
    ? `The catalog's indicative price is in USD and this project counts in ${currency}: enter a quote.`
    : NO_PRICE;
  return { ...base, unitPrice: null, total: null, priceOrigin: 'none', priceSource: why, priceDate: null };
}

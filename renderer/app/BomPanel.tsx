/**
 * The bill of materials of the design, or of one scenario: lines by category with quantities,
 * unit prices and where each price comes from, totals, and what still needs a quote. A quote typed
 * here is saved with the project and wins over the catalog's indicative price. Exports: CSV, XLSX
 * and the PDF design report.
 */
import { useMemo, useState } from 'react';
import { applyScenario, buildBom, plural, type BomLine, type ProjectDocument } from '../../shared/index';
import { exportBom, exportReport } from '../export/exportActions';
import { sceneSnapshot } from '../scene/snapshot';
import { useEditor } from '../store/editor';
import { removeQuote, setQuote } from '../store/scenarioCommands';
import { money, num } from './format';
import { runEdit } from './runEdit';

const today = () => new Date().toISOString().slice(0, 10);

function QuoteEditor({ line, doc, onDone }: { line: BomLine; doc: ProjectDocument; onDone: () => void }) {
  const existing = doc.quotes.find((q) => q.itemKey === line.itemKey);
  const [price, setPrice] = useState(String(existing?.unitPrice ?? line.unitPrice ?? ''));
  const [source, setSource] = useState(existing?.source ?? '');
  const [date, setDate] = useState(existing?.date ?? today());
  const save = () => {
    if (runEdit(setQuote(doc, { itemKey: line.itemKey, unitPrice: Number(price), source: source.trim(), date })))
      onDone();
  };
  return (
    <div className="quote-editor" data-testid={`quote-editor-${line.itemKey}`}>
      <label>
        Unit price ({doc.settings.currency} per {line.unit})
        <input type="number" min={0} value={price} onChange={(e) => setPrice(e.target.value)} aria-label="Unit price" />
      </label>
      <label>
        Source
        <input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          aria-label="Quote source"
          placeholder="Supplier, quote no."
        />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Quote date" />
      </label>
      <span className="buttons">
        <button onClick={save}>Save quote</button>
        {existing ? (
          <button onClick={() => runEdit(removeQuote(doc, line.itemKey)) && onDone()}>Remove quote</button>
        ) : null}
        <button onClick={onDone}>Cancel</button>
      </span>
    </div>
  );
}

function Line({ line, doc }: { line: BomLine; doc: ProjectDocument }) {
  const [editing, setEditing] = useState(false);
  const price =
    line.priceOrigin === 'existing'
      ? 'on site'
      : line.unitPrice === null
        ? 'quote needed'
        : `${money(line.unitPrice, doc.settings.currency)}${line.unit === 'each' ? '' : `/${line.unit}`}`;
  return (
    <>
      <tr className={line.total === null ? 'unpriced' : undefined} data-testid={`bom-line-${line.key}`}>
        <td>
          {line.description}
          {line.existing ? <span className="hint"> (existing)</span> : null}
        </td>
        <td className="num">
          {num(line.quantity, line.unit === 'each' ? 0 : 1)} {line.unit === 'each' ? '' : line.unit}
        </td>
        <td className="num" title={`${line.priceSource}${line.priceDate ? ` (${line.priceDate})` : ''}`}>
          {price}
        </td>
        <td className="num">{line.total === null ? '—' : money(line.total, doc.settings.currency)}</td>
        <td>
          {line.existing ? null : (
            <button onClick={() => setEditing(!editing)} aria-label={`Quote ${line.description}`}>
              {line.priceOrigin === 'quote' ? 'Edit quote' : 'Quote'}
            </button>
          )}
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={5}>
            <QuoteEditor line={line} doc={doc} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function BomPanel() {
  const doc = useEditor((s) => s.doc);
  const notify = useEditor((s) => s.notify);
  const [scenarioId, setScenarioId] = useState<string>('');
  const scenario = doc.scenarios.find((s) => s.id === scenarioId) ?? null;
  const target = useMemo(() => (scenario ? applyScenario(doc, scenario).doc : doc), [doc, scenario]);
  const bom = useMemo(() => buildBom(target), [target]);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (
    what: string,
    task: () => Promise<{ ok: true; value: unknown } | { ok: false; error: string }>,
  ) => {
    setBusy(what);
    try {
      const result = await task();
      if (!result.ok) notify({ kind: 'error', text: `The ${what} could not be exported.`, details: [result.error] });
      else if (result.value) notify({ kind: 'info', text: `Exported the ${what}.`, details: [] });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" data-testid="bom-panel">
      <h2>Bill of materials</h2>
      <label className="setting">
        <span>For</span>
        <select value={scenarioId} onChange={(e) => setScenarioId(e.target.value)} aria-label="Bill of materials for">
          <option value="">the design as drawn</option>
          {doc.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="bom-total">
        Total <strong>{money(bom.total, bom.currency)}</strong>
        {bom.unpricedLines > 0 ? ` · ${plural(bom.unpricedLines, 'line')} need a quote` : ' · every line priced'}
      </p>
      <p className="hint">
        Catalog prices are INDICATIVE public figures (hover a price for its source); infrastructure has no public price,
        so it waits for your quotes. Existing equipment is listed at no cost.
      </p>
      <div className="buttons wrap">
        <button
          disabled={busy !== null}
          onClick={() => void run('CSV bill of materials', () => exportBom(doc, 'csv', scenario))}
        >
          Export CSV
        </button>
        <button
          disabled={busy !== null}
          onClick={() => void run('XLSX bill of materials', () => exportBom(doc, 'xlsx', scenario))}
        >
          Export XLSX
        </button>
        <button
          disabled={busy !== null}
          onClick={() => void run('PDF design report', async () => exportReport(doc, await sceneSnapshot()))}
        >
          {busy === 'PDF design report' ? 'Writing the report…' : 'Export PDF report'}
        </button>
      </div>
      {bom.categories
        .filter((c) => c.lines > 0)
        .map((c) => (
          <div key={c.category} className="bom-category" data-testid={`bom-category-${c.category}`}>
            <h3>
              {c.name}: {money(c.total, bom.currency)}
              {c.unpriced > 0 ? <span className="hint"> ({plural(c.unpriced, 'line')} to quote)</span> : null}
            </h3>
            <table className="bom">
              <thead>
                <tr>
                  <th>Item</th>
                  <th>Qty</th>
                  <th>Unit price</th>
                  <th>Total</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {bom.lines
                  .filter((l) => l.category === c.category)
                  .map((l) => (
                    <Line key={l.key} line={l} doc={doc} />
                  ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

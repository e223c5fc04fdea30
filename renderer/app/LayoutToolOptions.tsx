/** The layout tools in the palette — walls and rooms, a row, a row pair — and their settings. */
import { useMemo } from 'react';
import { catalogFor } from '../../shared/index';
import type { Tool } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { QuantityInput } from './QuantityInput';

const TOOLS: readonly { name: string; key: string; tool: Tool; hint: string; testId: string }[] = [
  {
    name: 'Walls / room',
    key: 'W',
    tool: { kind: 'draw-walls', points: [] },
    hint: 'Click corners, or type a length and Enter; click the first corner to close a room',
    testId: 'tool-walls',
  },
  {
    name: 'Row',
    key: 'O',
    tool: { kind: 'lay-row', pair: false, start: null },
    hint: 'Click the first rack’s centre, then where the row ends',
    testId: 'tool-row',
  },
  {
    name: 'Row pair',
    key: 'A',
    tool: { kind: 'lay-row', pair: true, start: null },
    hint: 'Click along the aisle’s centreline: two facing rows either side',
    testId: 'tool-row-pair',
  },
];

const sameTool = (a: Tool, b: Tool) =>
  a.kind === b.kind && (a.kind !== 'lay-row' || b.kind !== 'lay-row' || a.pair === b.pair);

export function LayoutToolOptions() {
  const tool = useEditor((s) => s.tool);
  const options = useEditor((s) => s.layoutOptions);
  const doc = useEditor((s) => s.doc);
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const set = useEditor.getState().setLayoutOptions;
  const rowTool = tool.kind === 'lay-row';
  return (
    <section className="layout-tools" aria-label="Layout tools">
      <h2>Layout</h2>
      <div className="buttons wrap">
        {TOOLS.map((t) => {
          const active = sameTool(tool, t.tool);
          return (
            <button
              key={t.testId}
              className={active ? 'active' : undefined}
              aria-pressed={active}
              data-testid={t.testId}
              title={`${t.hint} (${t.key})`}
              onClick={() => useEditor.getState().setTool(active ? { kind: 'select' } : t.tool)}
            >
              {t.name}
            </button>
          );
        })}
      </div>
      {tool.kind === 'draw-walls' ? (
        <QuantityInput
          label="Wall thickness"
          quantity="length"
          value={options.wallThicknessM}
          onCommit={(wallThicknessM) => wallThicknessM > 0 && set({ wallThicknessM })}
        />
      ) : null}
      {rowTool ? (
        <div className="row-options" data-testid="row-options">
          <label className="setting">
            <span>Rack type</span>
            <select
              aria-label="Row rack type"
              value={options.rackTypeId}
              onChange={(e) => set({ rackTypeId: e.target.value })}
            >
              {catalog.rackTypes().map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <QuantityInput
            label="Pitch"
            quantity="length"
            value={options.pitchM ?? catalog.rackType(options.rackTypeId)?.widthM ?? 0.6}
            onCommit={(pitchM) => set({ pitchM })}
          />
          <label className="setting">
            <span>Racks per row</span>
            <input
              type="number"
              min={1}
              aria-label="Racks per row"
              placeholder="as drawn"
              value={options.count ?? ''}
              onChange={(e) =>
                set({ count: e.target.value === '' ? null : Math.max(1, Math.round(Number(e.target.value))) })
              }
            />
          </label>
          {tool.pair ? (
            <>
              <label className="setting">
                <span>Aisle</span>
                <select
                  aria-label="Aisle kind"
                  value={options.aisle}
                  onChange={(e) => set({ aisle: e.target.value as 'cold' | 'hot' })}
                >
                  <option value="cold">cold aisle (fronts face it)</option>
                  <option value="hot">hot aisle (backs face it)</option>
                </select>
              </label>
              <QuantityInput
                label="Aisle width"
                quantity="length"
                value={options.aisleWidthM}
                onCommit={(aisleWidthM) => aisleWidthM > 0 && set({ aisleWidthM })}
              />
            </>
          ) : (
            <button
              onClick={() => set({ facing: options.facing === 'a' ? 'b' : 'a' })}
              title="Turn the row's fronts to the other side"
            >
              Flip fronts
            </button>
          )}
          <p className="hint">
            {tool.start ? 'Click where the row ends (Shift keeps the tool).' : 'Click where the row starts.'}
          </p>
        </div>
      ) : null}
    </section>
  );
}

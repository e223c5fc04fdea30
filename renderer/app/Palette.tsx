/** The catalog: rack types to place, devices to fill the selected rack with. */
import { useMemo, useState } from 'react';
import { catalogFor, COOLING_TEMPLATE_NAMES, type PlaceableCooling, type PowerComponent } from '../../shared/index';
import { addDevice, defaultPlacementFeeds } from '../store/commands';
import { useEditor } from '../store/editor';
import { EVERY_FEEDER, FeederOptionList } from './FeederOptionList';
import { feederOptions } from './feederOptions';
import { kW } from './format';
import { powerById } from './powerIndex';
import { LayoutToolOptions } from './LayoutToolOptions';

/** Feeders new racks can connect to: no utility, whose circuits a rack never hangs on directly. */
const PLACEMENT_KINDS: ReadonlySet<PowerComponent['kind']> = new Set(['distribution', 'ups', 'switchgear']);

/**
 * Which distribution new racks' A and B circuits connect to (default: where the last rack went).
 * On a campus the lists hold what serves the hall in view (feederOptions.ts).
 */
function PlacementFeeds() {
  const doc = useEditor((s) => s.doc);
  const hallId = useEditor((s) => s.activeHallId ?? s.doc.halls[0]?.id ?? null);
  const chosen = useEditor((s) => s.placementFeeds);
  const [every, setEvery] = useState(false);
  const feeds = chosen ?? defaultPlacementFeeds(doc);
  const { power, racks } = doc;
  const { listed: options, total } = useMemo(
    () =>
      feederOptions(
        { power, racks },
        new Set(hallId === null ? [] : [hallId]),
        powerById(power),
        every,
        PLACEMENT_KINDS,
        [feeds.a, feeds.b],
      ),
    [power, racks, hallId, every, feeds.a, feeds.b],
  );
  const set = (side: 'a' | 'b', id: string) =>
    id === EVERY_FEEDER
      ? setEvery(true)
      : useEditor.getState().setPlacementFeeds({ ...feeds, [side]: id === '' ? null : id });
  return (
    <div className="placement-feeds" data-testid="placement-feeds">
      {(['a', 'b'] as const).map((side) => (
        <label key={side} className="setting">
          <span>New racks, side {side.toUpperCase()}</span>
          <select
            aria-label={`New racks feed side ${side.toUpperCase()} from`}
            value={feeds[side] ?? ''}
            onChange={(e) => set(side, e.target.value)}
          >
            <option value="">not connected</option>
            <FeederOptionList listed={options} total={total} />
          </select>
        </label>
      ))}
    </div>
  );
}

const PLACEABLE: readonly { template: PlaceableCooling; hint: string }[] = [
  { template: 'crah', hint: 'perimeter, chilled water, 150 kW' },
  { template: 'crac', hint: 'perimeter, DX, 150 kW' },
  { template: 'inrow', hint: 'in-row, 70 kW' },
  { template: 'fan-wall', hint: '60,000 m³/h with pad' },
  { template: 'cdu', hint: 'direct-to-chip, 350 kW' },
  { template: 'immersion-tank', hint: '200 kW, 48 slots' },
];

/** Cooling units to place on the floor, like racks. */
function CoolingUnits() {
  const tool = useEditor((s) => s.tool);
  return (
    <>
      <h2>Cooling</h2>
      <ul>
        {PLACEABLE.map(({ template, hint }) => {
          const active = tool.kind === 'place-cooling' && tool.template === template;
          return (
            <li key={template}>
              <button
                className={active ? 'item active' : 'item'}
                aria-pressed={active}
                data-testid={`palette-cooling-${template}`}
                onClick={() =>
                  useEditor.getState().setTool(active ? { kind: 'select' } : { kind: 'place-cooling', template })
                }
              >
                <span>{COOLING_TEMPLATE_NAMES[template]}</span>
                <small>{hint}</small>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function Palette() {
  const doc = useEditor((s) => s.doc);
  const tool = useEditor((s) => s.tool);
  const selection = useEditor((s) => s.selection);
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const selectedRack = selection.length === 1 ? doc.racks.find((r) => r.id === selection[0]) : undefined;

  const onAddDevice = (catalogId: string) => {
    const { run, notify, doc: current } = useEditor.getState();
    if (!selectedRack) return;
    const result = addDevice(current, selectedRack.id, catalogId);
    if (result.ok) run(result.command);
    else notify({ kind: 'error', text: result.reason, details: [] });
  };

  return (
    <aside className="palette" aria-label="Catalog">
      <LayoutToolOptions />
      <h2>Racks</h2>
      <p className="hint">Pick a rack, then click the floor to place it (Shift keeps placing, Esc stops).</p>
      <ul>
        {catalog.rackTypes().map((rt) => {
          const active = tool.kind === 'place-rack' && tool.rackTypeId === rt.id;
          return (
            <li key={rt.id}>
              <button
                className={active ? 'item active' : 'item'}
                aria-pressed={active}
                data-testid={`palette-rack-${rt.id}`}
                onClick={() =>
                  useEditor.getState().setTool(active ? { kind: 'select' } : { kind: 'place-rack', rackTypeId: rt.id })
                }
              >
                <span>{rt.name}</span>
                <small>
                  {rt.uHeight}U · {rt.widthM * 1000} × {rt.depthM * 1000} mm
                </small>
              </button>
            </li>
          );
        })}
      </ul>
      <PlacementFeeds />
      <CoolingUnits />
      <h2>Devices</h2>
      <p className="hint">{selectedRack ? `Click to add to ${selectedRack.name}.` : 'Select one rack to fill it.'}</p>
      <ul>
        {catalog.devices().map((d) => (
          <li key={d.id}>
            <button
              className="item"
              disabled={!selectedRack}
              data-testid={`palette-device-${d.id}`}
              onClick={() => onAddDevice(d.id)}
              title={d.sources.power ? `Power [${d.sources.power.tag}]: ${d.sources.power.ref}` : undefined}
            >
              <span>{d.name}</span>
              <small>
                {d.uHeight}U · {kW(d.nameplateW)} nameplate
                {d.gpus ? ` · ${d.gpus.count} GPU` : ''}
                {d.hashrateThs ? ` · ${d.hashrateThs} TH/s` : ''}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

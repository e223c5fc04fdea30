/** Details and edits of selected power-chain components: ratings, connection, failure simulation. */
import type { PowerComponent } from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import {
  addComponent,
  CAN_HAVE_CHILDREN,
  connectComponent,
  deleteComponents,
  updateComponent,
} from '../store/powerCommands';
import { kW, pct } from './format';
import { NumberInput } from './NumberInput';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';

/**
 * A rating: a power rating kept in kW shows through the project's units (and takes "1.2 MW");
 * volts, amps, kVA and factors read the same in both systems and stay plain numbers.
 */
type Field = { key: string; label: string; step: number } | { key: string; label: string; kw: true };

/** The editable ratings of each kind, with the units their names carry. */
const FIELDS: Record<PowerComponent['kind'], Field[]> = {
  utility: [
    { key: 'capacityKva', label: 'Capacity, kVA', step: 100 },
    { key: 'voltageV', label: 'Voltage, V', step: 100 },
    { key: 'powerFactor', label: 'Power factor', step: 0.01 },
  ],
  generator: [
    { key: 'ratingKw', label: 'Standby rating', kw: true },
    { key: 'voltageV', label: 'Voltage, V', step: 1 },
  ],
  transformer: [
    { key: 'ratingKva', label: 'Rating, kVA', step: 250 },
    { key: 'primaryV', label: 'Primary, V', step: 100 },
    { key: 'voltageV', label: 'Secondary, V', step: 1 },
    { key: 'efficiencyPct', label: 'Efficiency, %', step: 0.1 },
    { key: 'powerFactor', label: 'Load power factor', step: 0.01 },
  ],
  switchgear: [
    { key: 'ratingA', label: 'Rating, A', step: 100 },
    { key: 'voltageV', label: 'Voltage, V', step: 1 },
    { key: 'powerFactor', label: 'Power factor', step: 0.01 },
  ],
  ups: [
    { key: 'modules', label: 'Modules installed', step: 1 },
    { key: 'moduleKw', label: 'Module rating', kw: true },
    { key: 'moduleKva', label: 'Module kVA', step: 10 },
    { key: 'efficiencyPct', label: 'Efficiency, %', step: 0.1 },
    { key: 'batteryMinutes', label: 'Battery, min at full load', step: 1 },
    { key: 'powerFactor', label: 'Load power factor', step: 0.01 },
  ],
  distribution: [
    { key: 'ratingA', label: 'Rating, A', step: 10 },
    { key: 'voltageV', label: 'Voltage, V', step: 1 },
    { key: 'phases', label: 'Phases (1 or 3)', step: 2 },
    { key: 'powerFactor', label: 'Power factor', step: 0.01 },
  ],
  circuit: [
    { key: 'breakerA', label: 'Breaker, A', step: 1 },
    { key: 'voltageV', label: 'Voltage, V', step: 1 },
    { key: 'phases', label: 'Phases (1 or 3)', step: 2 },
    { key: 'powerFactor', label: 'Power factor', step: 0.01 },
  ],
  mechanical: [{ key: 'share', label: 'Share of facility load (0–1)', step: 0.05 }],
};

const CHILD_KINDS: PowerComponent['kind'][] = [
  'transformer',
  'switchgear',
  'ups',
  'distribution',
  'circuit',
  'mechanical',
];

function edit(id: string, patch: Record<string, unknown>): void {
  runEdit(updateComponent(useEditor.getState().doc, id, patch));
}

function NumberField({ c, field }: { c: PowerComponent; field: Field }) {
  const value = (c as unknown as Record<string, number>)[field.key]!;
  const commit = (v: number) => edit(c.id, { [field.key]: v });
  return 'kw' in field ? (
    <QuantityInput label={field.label} quantity="power" valueUnit={1_000} value={value} onCommit={commit} />
  ) : (
    <NumberInput label={field.label} value={value} step={field.step} onCommit={commit} />
  );
}

function ComponentDetails({ c }: { c: PowerComponent }) {
  const doc = useEditor((s) => s.doc);
  const { power } = useChecks();
  const m = power.components.get(c.id);
  const feeders = doc.power.filter((p) => p.id !== c.id && CAN_HAVE_CHILDREN.has(p.kind));
  const racks = c.kind === 'circuit' ? doc.racks.filter((r) => r.feeds.a === c.id || r.feeds.b === c.id) : [];
  const add = (kind: PowerComponent['kind']) => {
    const result = addComponent(useEditor.getState().doc, kind, c.id);
    if (runEdit(result) && result.ok && result.id) useEditor.getState().select([result.id]);
  };

  return (
    <div data-testid="inspector-component">
      <label className="setting">
        <span>Name</span>
        <input
          key={`${c.id}-${c.name}`}
          defaultValue={c.name}
          aria-label="Name"
          onBlur={(e) => e.currentTarget.value !== c.name && edit(c.id, { name: e.currentTarget.value })}
        />
      </label>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>
          {c.kind === 'distribution' ? c.type.toUpperCase() : c.kind}
          {c.existing ? ' (existing)' : ''}
        </dd>
        {m ? (
          <>
            <dt>Load</dt>
            <dd data-testid="component-load">
              {m.live ? `${kW(m.loadW)} of ${Number.isFinite(m.usableW) ? kW(m.usableW) : '—'}` : 'no supply'}
              {m.utilisationPct !== null ? ` (${pct(m.utilisationPct)})` : ''}
            </dd>
            {m.worst ? (
              <>
                <dt>Worst case</dt>
                <dd>
                  {pct(m.worst.utilisationPct)} on {m.worst.scenario}
                </dd>
              </>
            ) : null}
            {m.phaseA ? (
              <>
                <dt>Phases</dt>
                <dd>
                  {m.phaseA.map((a, i) => `L${i + 1} ${a.toFixed(1)} A`).join(', ')} of {m.phaseLimitA?.toFixed(1)} A
                </dd>
              </>
            ) : null}
            {m.strandedW > 0 ? (
              <>
                <dt>Stranded</dt>
                <dd>{kW(m.strandedW)}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {c.kind !== 'utility' && c.kind !== 'generator' ? (
        <label className="setting">
          <span>Fed from</span>
          <select
            aria-label="Fed from"
            value={c.parentId ?? ''}
            onChange={(e) =>
              runEdit(connectComponent(useEditor.getState().doc, c.id, e.target.value === '' ? null : e.target.value))
            }
          >
            <option value="">— not connected —</option>
            {feeders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="setting">
        <span>Side</span>
        <select
          aria-label="Side"
          value={c.side ?? ''}
          onChange={(e) => edit(c.id, { side: e.target.value === '' ? null : e.target.value })}
        >
          {c.kind !== 'circuit' ? <option value="">shared (no side)</option> : null}
          <option value="A">A</option>
          <option value="B">B</option>
        </select>
      </label>
      {FIELDS[c.kind].map((f) => (
        <NumberField key={`${c.id}-${f.key}`} c={c} field={f} />
      ))}
      {c.kind === 'switchgear' || c.kind === 'distribution' || c.kind === 'circuit' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={c.hundredPercentRated}
            onChange={(e) => edit(c.id, { hundredPercentRated: e.target.checked })}
          />
          100 %-rated assembly (no continuous-load derating)
        </label>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={c.existing} onChange={(e) => edit(c.id, { existing: e.target.checked })} />
        Existing on site (not in the new-build bill of materials)
      </label>
      {racks.length > 0 ? <p className="hint">Feeds {racks.map((r) => r.name).join(', ')}.</p> : null}
      <div className="buttons wrap">
        <button
          onClick={() => useEditor.getState().simulate({ failedIds: [c.id], modules: {} })}
          title="Fail this component and see what loses power or overloads"
        >
          Simulate failure
        </button>
        {c.kind === 'ups' && c.modules > 1 ? (
          <button onClick={() => useEditor.getState().simulate({ failedIds: [], modules: { [c.id]: 1 } })}>
            Simulate a module lost
          </button>
        ) : null}
        <button onClick={() => runEdit(deleteComponents(useEditor.getState().doc, [c.id]))}>Delete</button>
      </div>
      {CAN_HAVE_CHILDREN.has(c.kind) ? (
        <label className="setting">
          <span>Add below</span>
          <select
            aria-label="Add below"
            value=""
            onChange={(e) => e.target.value && add(e.target.value as PowerComponent['kind'])}
          >
            <option value="">choose…</option>
            {CHILD_KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'distribution' ? 'PDU / RPP / busway' : k}
              </option>
            ))}
            {c.kind !== 'utility' ? <option value="generator">generator backing this</option> : null}
          </select>
        </label>
      ) : null}
    </div>
  );
}

export function ComponentInspector({ ids }: { ids: string[] }) {
  const doc = useEditor((s) => s.doc);
  const { power } = useChecks();
  const components = doc.power.filter((p) => ids.includes(p.id));
  if (components.length === 1) return <ComponentDetails c={components[0]!} />;
  const load = components.reduce((s, c) => s + (power.components.get(c.id)?.loadW ?? 0), 0);
  return (
    <div data-testid="inspector-components">
      <h3>{components.length} components</h3>
      <p>Load {kW(load)}</p>
      <div className="buttons wrap">
        <button onClick={() => useEditor.getState().simulate({ failedIds: components.map((c) => c.id), modules: {} })}>
          Simulate failure of all
        </button>
        <button onClick={() => runEdit(deleteComponents(useEditor.getState().doc, ids))}>Delete</button>
      </div>
    </div>
  );
}

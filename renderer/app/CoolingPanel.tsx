/**
 * The cooling design at a glance: the plant's power and partial PUE, each room's heat and airflow
 * against its capacity (installed, and after the declared redundancy), contained aisles, liquid
 * loops and heat rejection worst first, the racks with the least inlet margin, and the design
 * rules the checks use. It renders engine results only.
 */
import { m3sToM3h, wToBtuH, type CoolingTemplate, type Quantity, type Settings } from '../../shared/index';
import { useChecks } from '../store/checks';
import { LoadsPending } from './LoadsPending';
import { addCoolingUnit, updateCoolingSettings } from '../store/coolingCommands';
import { useEditor } from '../store/editor';
import { toggleCoolingColours } from './actions';
import { kW, pct } from './format';
import { LoadBar } from './LoadBar';
import { NumberInput } from './NumberInput';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';
import { useUnits } from './units';

const btu = (w: number) => `${Math.round(wToBtuH(w)).toLocaleString('en-US')} BTU/h`;
/** Racks listed by least inlet margin. */
const RACKS_SHOWN = 8;

/** Load against capacity, with the declared redundancy's limit as the worst-case marker. */
function Bar(props: {
  id: string;
  testId: string;
  label: string;
  value: number;
  capacity: number;
  redundant?: number;
  title: string;
}) {
  const { value, capacity, redundant } = props;
  const normal = capacity > 0 ? (100 * value) / capacity : value > 0 ? Infinity : 0;
  const worst = redundant !== undefined && redundant > 0 ? (100 * value) / redundant : normal;
  return (
    <LoadBar
      id={props.id}
      testId={props.testId}
      label={props.label}
      normalPct={normal}
      worstPct={worst}
      worstName="N−k"
      title={props.title}
    />
  );
}

function Plant() {
  const { cooling, power } = useChecks();
  const colouring = useEditor((s) => s.colouring);
  const it = power.site.itW;
  const p = cooling.power;
  const add = (template: CoolingTemplate) => runEdit(addCoolingUnit(useEditor.getState().doc, template, {}));
  return (
    <>
      <dl className="facts" data-testid="cooling-plant">
        <dt>Fans</dt>
        <dd>{kW(p.fansW)}</dd>
        <dt>Pumps</dt>
        <dd>{kW(p.pumpsW)}</dd>
        <dt>Heat rejection</dt>
        <dd>{kW(p.rejectionW)}</dd>
        <dt>Cooling power</dt>
        <dd data-testid="cooling-power">
          {cooling.designed ? kW(p.totalW) : `${kW(power.site.coolingW)} (estimate: no cooling modelled)`}
        </dd>
        <dt title="(IT + cooling) / IT, The Green Grid partial PUE">Cooling pPUE</dt>
        <dd data-testid="cooling-ppue">{it > 0 ? ((it + power.site.coolingW) / it).toFixed(3) : '—'}</dd>
      </dl>
      <div className="row-actions">
        <button
          aria-pressed={colouring === 'cooling'}
          data-testid="colour-cooling"
          onClick={toggleCoolingColours}
          title="Colour racks by inlet margin and show airflow arrows (K)"
        >
          Colour by inlet margin
        </button>
        <button onClick={() => add('chiller')}>+ Chiller</button>
        <button onClick={() => add('dry-cooler')}>+ Dry cooler</button>
        <button onClick={() => add('cooling-tower')}>+ Tower</button>
      </div>
    </>
  );
}

function Rooms() {
  const { cooling } = useChecks();
  const { fmt, dual } = useUnits();
  // The engine's airflows are m³/s; the document's and the display's base is m³/h.
  const air = (m3s: number) => fmt(m3sToM3h(m3s), 'airflow');
  const airDual = (m3s: number) => dual(m3sToM3h(m3s), 'airflow');
  const heat = (w: number) => fmt(w, 'cooling');
  const model = useEditor((s) => s.doc.settings.cooling.redundancy);
  const containments = useEditor((s) => s.doc.containments);
  return (
    <div data-testid="cooling-rooms">
      {cooling.rooms.map((room) => {
        const { capacity, airflow } = room;
        const load = room.heat;
        return (
          <div key={room.hallId} className="room">
            <h4>{room.name}</h4>
            <Bar
              id={room.hallId}
              testId={`heat-${room.hallId}`}
              label={`Heat ${heat(load.totalW)} of ${heat(capacity.installed)}`}
              value={load.totalW}
              capacity={capacity.installed}
              redundant={capacity.available}
              title={`Sensible heat ${heat(load.totalW)} (${btu(load.totalW)}): racks ${heat(load.rackAirW)}, lighting ${heat(load.lightingW)}, UPS losses ${heat(load.upsLossW)}\nCapacity ${heat(capacity.installed)}; ${model}: ${heat(capacity.available)}`}
            />
            <Bar
              id={room.hallId}
              testId={`air-${room.hallId}`}
              label={`Air ${air(airflow.requiredM3s)} of ${air(airflow.supply.installed)}`}
              value={airflow.requiredM3s}
              capacity={airflow.supply.installed}
              redundant={airflow.supply.available}
              title={`Racks draw ${airDual(airflow.demandM3s)}; with bypass they need ${airDual(airflow.requiredM3s)}\nUnits supply ${air(airflow.supply.installed)}; ${model}: ${air(airflow.supply.available)}`}
            />
            <dl className="facts">
              <dt>Supply air</dt>
              <dd>{room.supplyC !== null ? dual(room.supplyC, 'temperature') : '—'}</dd>
              <dt title="Airflow-weighted temperature rise across the IT equipment">ΔT IT</dt>
              <dd>{room.deltaTEquipK !== null ? dual(room.deltaTEquipK, 'temperatureDelta') : '—'}</dd>
              <dt title="RTI = V̇_IT / V̇_supply (Herrlin): 100 % balanced, < 95 % bypass, > 105 % recirculation">RTI</dt>
              <dd data-testid={`rti-${room.hallId}`}>
                {room.rtiPct !== null
                  ? `${pct(room.rtiPct)} (${room.rtiPct < 95 ? 'net bypass' : room.rtiPct > 105 ? 'net recirculation' : 'balanced'})`
                  : '—'}
              </dd>
              {capacity.lostIds.length > 0 ? (
                <>
                  <dt>{model} loses</dt>
                  <dd>
                    {capacity.lostIds.length} largest unit{capacity.lostIds.length > 1 ? 's' : ''}
                  </dd>
                </>
              ) : null}
            </dl>
            {room.groups
              .filter((g) => g.containmentId !== null)
              .map((g) => {
                const c = containments.find((x) => x.id === g.containmentId);
                return (
                  <Bar
                    key={g.containmentId}
                    id={g.containmentId!}
                    testId={`air-${g.containmentId!}`}
                    label={`${c?.name ?? g.containmentId}: ${air(g.requiredM3s)} of ${air(g.supplyM3s)}`}
                    value={g.requiredM3s}
                    capacity={g.supplyM3s}
                    redundant={g.dedicated?.available}
                    title={`${g.rackIds.length} racks draw ${air(g.demandM3s)}; bypass ${pct(100 * g.bypassFraction)}, recirculation ${pct(100 * g.recirculationFraction)}\n${g.dedicated ? 'Own coolers' : 'Share of the room supply'}: ${air(g.supplyM3s)}`}
                  />
                );
              })}
          </div>
        );
      })}
    </div>
  );
}

function Loops() {
  const { cooling } = useChecks();
  const { fmt } = useUnits();
  const names = new Map(useEditor((s) => s.doc.cooling).map((u) => [u.id, u.name]));
  const list = [...cooling.loops.values()]
    .filter((l) => l.kind !== 'air-handler' && l.kind !== 'rear-door')
    .sort((a, b) => b.loadW / b.capacityW - a.loadW / a.capacityW);
  if (list.length === 0) return <p className="hint">No CDUs, tanks or heat rejection modelled.</p>;
  return (
    <div data-testid="cooling-loops">
      {list.map((l) => (
        <Bar
          key={l.id}
          id={l.id}
          testId={`loop-${l.id}`}
          label={`${names.get(l.id) ?? l.id}: ${fmt(l.loadW, 'cooling')} of ${fmt(l.capacityW, 'cooling')}`}
          value={l.loadW}
          capacity={l.capacityW}
          title={`${btu(l.loadW)} of ${btu(l.capacityW)}${
            l.flowNeededLpm !== null
              ? `\nFlow needed ${fmt(l.flowNeededLpm, 'liquidFlow')} of ${l.flowLpm !== null ? fmt(l.flowLpm, 'liquidFlow') : '—'}`
              : ''
          }${l.slots !== null ? `\n${l.devices} devices in ${l.slots} slots` : ''}`}
        />
      ))}
    </div>
  );
}

function InletMargins() {
  const { cooling } = useChecks();
  const { fmt, dual } = useUnits();
  const names = new Map(useEditor((s) => s.doc.racks).map((r) => [r.id, r.name]));
  const list = [...cooling.inlets.entries()]
    .filter(([, i]) => i.marginK !== null)
    .sort((a, b) => a[1].marginK! - b[1].marginK!)
    .slice(0, RACKS_SHOWN);
  if (list.length === 0) return <p className="hint">No inlet estimate: model the air supply of the room.</p>;
  return (
    <table className="verdicts" data-testid="inlet-margins">
      <thead>
        <tr>
          <th>Rack</th>
          <th>Inlet (est.)</th>
          <th>Margin</th>
        </tr>
      </thead>
      <tbody>
        {list.map(([id, i]) => (
          <tr key={id} onClick={() => useEditor.getState().select([id])} className="clickable">
            <td>{names.get(id) ?? id}</td>
            <td>{dual(i.inletC, 'temperature')}</td>
            <td className={i.marginK! < 0 ? 'bad' : undefined}>{fmt(i.marginK!, 'temperatureDelta')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type RuleField = Exclude<keyof Settings['cooling'], 'redundancy'>;

function RuleNumber({ label, field, step }: { label: string; field: RuleField; step: number }) {
  const value = useEditor((s) => s.doc.settings.cooling[field]);
  return (
    <NumberInput
      label={label}
      value={value}
      step={step}
      onCommit={(v) => runEdit(updateCoolingSettings(useEditor.getState().doc, { [field]: v }))}
    />
  );
}

/** A rule with a physical unit, shown in the project's units; `valueUnit` is 1,000 for a rule kept in kW. */
function RuleQuantity(props: { label: string; field: RuleField; quantity: Quantity; valueUnit?: number }) {
  const { label, field, quantity, valueUnit } = props;
  const value = useEditor((s) => s.doc.settings.cooling[field]);
  return (
    <QuantityInput
      label={label}
      quantity={quantity}
      valueUnit={valueUnit}
      value={value}
      onCommit={(v) => runEdit(updateCoolingSettings(useEditor.getState().doc, { [field]: v }))}
    />
  );
}

function Rules() {
  const redundancy = useEditor((s) => s.doc.settings.cooling.redundancy);
  return (
    <div className="settings" data-testid="cooling-settings">
      <label className="setting">
        <span>Air cooling redundancy</span>
        <select
          aria-label="Air cooling redundancy"
          value={redundancy}
          onChange={(e) =>
            runEdit(
              updateCoolingSettings(useEditor.getState().doc, {
                redundancy: e.target.value as Settings['cooling']['redundancy'],
              }),
            )
          }
        >
          {(['N', 'N+1', 'N+2', '2N'] as const).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <RuleNumber label="Open-room bypass" field="openBypassFraction" step={0.05} />
      <RuleNumber label="Open-room recirculation" field="openRecirculationFraction" step={0.05} />
      <RuleQuantity label="Min cold aisle" field="minColdAisleM" quantity="length" />
      <RuleQuantity label="Min hot aisle" field="minHotAisleM" quantity="length" />
      <RuleQuantity label="Lighting" field="lightingWPerM2" quantity="powerDensity" />
      <RuleQuantity label="Open air review per rack" field="openReviewKw" quantity="power" valueUnit={1_000} />
      <RuleQuantity label="Open air max per rack" field="openMaxKw" quantity="power" valueUnit={1_000} />
      <RuleQuantity label="Contained review per rack" field="containedReviewKw" quantity="power" valueUnit={1_000} />
      <RuleQuantity label="Contained max per rack" field="containedMaxKw" quantity="power" valueUnit={1_000} />
    </div>
  );
}

export function CoolingPanel() {
  // A large project just opened: no figures until its first loads come (zeros would read as results).
  const { loadsNotYet } = useChecks();
  return (
    <section className="power" aria-label="Cooling">
      <LoadsPending what="the figures" />
      {loadsNotYet ? null : (
        <>
          <h2>Cooling plant</h2>
          <Plant />
          <h2>Rooms and aisles</h2>
          <Rooms />
          <h2>Loops and heat rejection</h2>
          <Loops />
          <h2>Least inlet margin</h2>
          <InletMargins />
        </>
      )}
      <h2>Design rules</h2>
      <Rules />
    </section>
  );
}

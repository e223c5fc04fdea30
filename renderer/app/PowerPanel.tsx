/**
 * The power budget at a glance: site totals, the redundancy verdict per level with the failures
 * behind it, headroom per rack configuration, utilisation bars per component grouped by level
 * (worst first), and the design settings the checks use. It renders engine results only.
 */
import { useMemo, useState } from 'react';
import {
  BUILD_COST_SOURCE,
  LEVEL_NAMES,
  catalogFor,
  designCompute,
  indicativeBuildCost,
  type ComponentMetrics,
  type PowerLevel,
  type RedundancyLevel,
  type RedundancyModel,
  type Settings,
} from '../../shared/index';
import { updateSettings } from '../store/powerCommands';
import { useChecks } from '../store/checks';
import { LoadsPending } from './LoadsPending';
import { useEditor } from '../store/editor';
import { kW, MW, pct } from './format';
import { LoadBar } from './LoadBar';
import { NumberInput } from './NumberInput';
import { powerById } from './powerIndex';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';

const MODELS: readonly RedundancyModel[] = ['N', 'N+1', '2N', '2N+1'];
const BAR_LEVELS: readonly { level: PowerLevel; name: string }[] = [
  { level: 'source', name: 'Sources' },
  { level: 'transformer', name: 'Transformers' },
  { level: 'switchgear', name: 'Switchgear' },
  { level: 'ups', name: 'UPS' },
  { level: 'distribution', name: 'PDU / RPP / busway' },
  { level: 'circuit', name: 'Rack circuits' },
];
/** Rack circuits shown before "show all": the worst ones. */
const CIRCUITS_SHOWN = 8;
/** The same for the other levels, which a campus counts in hundreds or thousands (1,680 PDUs). */
const BARS_SHOWN = 24;

function SiteTotals() {
  const { power, cooling } = useChecks();
  const settings = useEditor((s) => s.doc.settings);
  const { site } = power;
  const designed = cooling.designed;
  const money = (x: number) => `${settings.currency} ${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  return (
    <dl className="facts" data-testid="site-totals">
      <dt>IT load</dt>
      <dd>{MW(site.itW)}</dd>
      <dt>UPS + transformer losses</dt>
      <dd>{kW(site.lossesW)}</dd>
      {designed ? (
        <dt title="Fans, pumps and heat rejection of the cooling design (Cooling tab)">Cooling</dt>
      ) : (
        <dt title="Estimate until the cooling design supplies it: IT × cooling ratio">Cooling (estimate)</dt>
      )}
      <dd>
        {kW(site.coolingW)} {designed ? null : <small>(× {settings.coolingPowerRatio})</small>}
      </dd>
      <dt>Auxiliary</dt>
      <dd>{kW(site.auxiliaryW)}</dd>
      <dt>Facility load</dt>
      <dd>{MW(site.facilityW)}</dd>
      <dt>PUE / DCiE</dt>
      <dd data-testid="site-pue">{site.pue !== null ? `${site.pue.toFixed(3)} / ${pct(site.dciePct!)}` : '—'}</dd>
      <dt>Energy per year</dt>
      <dd>
        {site.annualEnergyMWh.toLocaleString('en-US', { maximumFractionDigits: 0 })} MWh · {money(site.annualCost)}
      </dd>
      <Compute itW={site.itW} />
    </dl>
  );
}

const millions = (usd: number) => `$${(usd / 1e6).toFixed(1)} M`;

/** What the design computes and an indicative cost of the facility around its IT load (worked case 12). */
function Compute({ itW }: { itW: number }) {
  const doc = useEditor((s) => s.doc);
  const c = useMemo(() => designCompute(doc, catalogFor(doc)), [doc]);
  const cost = indicativeBuildCost(itW);
  const pflops = (t: number) => (t / 1_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return (
    <>
      <dt title="Dense tensor throughput of every GPU placed (catalog figures, never sparse)">Compute</dt>
      <dd data-testid="site-compute">
        {c.gpus.toLocaleString('en-US')} GPUs · {pflops(c.bf16Tflops)} PFLOPS BF16 · {pflops(c.fp8Tflops)} PFLOPS FP8
        {c.bf16TflopsPerKw !== null && c.gpus > 0 ? ` · ${c.bf16TflopsPerKw.toFixed(0)} TFLOPS/kW` : ''}
      </dd>
      {c.hashrateThs > 0 ? (
        <>
          <dt>Hashrate</dt>
          <dd>{(c.hashrateThs / 1_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} PH/s</dd>
        </>
      ) : null}
      <dt title={BUILD_COST_SOURCE}>Build cost (indicative)</dt>
      <dd data-testid="site-build-cost">
        {millions(cost.midUsd)} ({millions(cost.lowUsd)}–{millions(cost.highUsd)}; AI premium {millions(cost.aiLowUsd)}–
        {millions(cost.aiHighUsd)})
      </dd>
    </>
  );
}

function RedundancyVerdicts() {
  const { power } = useChecks();
  const declared = useEditor((s) => s.doc.settings.redundancy);
  const setDeclared = (level: RedundancyLevel, model: RedundancyModel) =>
    runEdit(updateSettings(useEditor.getState().doc, { redundancy: { ...declared, [level]: model } }));
  const racks = useEditor((s) => s.doc.racks);
  const twoNRacks = racks.filter((r) => r.redundancy === '2N');
  const proven = twoNRacks.filter((r) => power.rackRedundancy.get(r.id) === '2N').length;
  return (
    <div data-testid="redundancy">
      <table className="verdicts">
        <thead>
          <tr>
            <th>Level</th>
            <th>Declared</th>
            <th>Proven</th>
          </tr>
        </thead>
        <tbody>
          {power.levels.map((l) => {
            const needsSides = (l.declared === '2N' || l.declared === '2N+1') && !l.twoSided;
            const ok = l.failures.length === 0 && !needsSides;
            return (
              <tr key={l.level} data-testid={`verdict-${l.level}`}>
                <td>
                  {LEVEL_NAMES[l.level]} <small>({l.components})</small>
                </td>
                <td>
                  <select
                    aria-label={`Declared redundancy for ${LEVEL_NAMES[l.level]}`}
                    value={l.declared}
                    onChange={(e) => setDeclared(l.level, e.target.value as RedundancyModel)}
                  >
                    {MODELS.map((m) => (
                      <option key={m}>{m}</option>
                    ))}
                  </select>
                </td>
                <td className={l.components === 0 ? '' : ok ? 'good' : 'bad'}>
                  {l.components === 0
                    ? 'none modelled'
                    : l.achieved === null
                      ? 'no critical load'
                      : `${ok ? '✓' : '✗'} ${l.achieved}`}
                  {l.tested > 0 ? <small> · {l.tested} failures tried</small> : null}
                  {needsSides && l.components > 0 ? <small> · no A/B sides at this level</small> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {power.levels.flatMap((l) =>
        l.failures.map((f) => (
          <div key={`${l.level}-${f.scenario}`} className="failure">
            <span>
              ✗ {LEVEL_NAMES[l.level]} {l.declared}: on {f.scenario},{' '}
              {[
                f.overloaded.length ? `${f.overloaded.length} overloaded` : '',
                f.lostRacks.length ? `${f.lostRacks.length} racks lose power` : '',
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
            <button
              onClick={() =>
                useEditor.getState().simulate({ failedIds: f.failedIds, modules: f.modules, label: f.scenario })
              }
              title="Show this failure in 3D and on the one-line diagram"
            >
              Simulate
            </button>
          </div>
        )),
      )}
      <p className="hint">
        Racks declared 2N: {proven} of {twoNRacks.length} survive the loss of either side.
        {power.levels.some((l) => l.interruptibleLost > 0)
          ? ' Interruptible racks (miners) may go dark on a failure; they are not counted.'
          : ''}
      </p>
    </div>
  );
}

function Headroom() {
  const { power } = useChecks();
  const names = powerById(useEditor((s) => s.doc.power));
  if (power.headroom.length === 0) return <p className="hint">Add loaded racks to see headroom.</p>;
  return (
    <ul className="headroom" data-testid="headroom">
      {power.headroom.map((h) => (
        <li key={`${h.hallId}-${h.label}`}>
          <button className="link" onClick={() => useEditor.getState().select(h.rackIds)}>
            {h.label}
          </button>{' '}
          ({kW(h.rackLoadW)} each): <strong>{h.moreRacks} more</strong>{' '}
          {Number.isFinite(h.headroomW) ? <small>({kW(h.headroomW)})</small> : null}
          {h.limitingId ? (
            <div className="hint">
              limited by {names.get(h.limitingId)?.name ?? h.limitingId} on {h.limitingScenario}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function UtilisationBar({ id, name, m }: { id: string; name: string; m: ComponentMetrics }) {
  const normal = m.utilisationPct ?? 0;
  const worst = m.worst?.utilisationPct ?? normal;
  return (
    <LoadBar
      id={id}
      testId={`ubar-${id}`}
      label={name}
      normalPct={normal}
      worstPct={worst}
      worstName="worst"
      title={`${name}\nNormal: ${kW(m.loadW)} of ${kW(m.usableW)} (${pct(normal)})${
        m.worst ? `\nWorst: ${pct(worst)} on ${m.worst.scenario}` : ''
      }`}
    />
  );
}

/**
 * Each level's live components, worst first. One pass over the metrics, redone only when they
 * change: a campus has 22,000 components, and the panel re-renders on every edit.
 */
function barsByLevel(components: ReadonlyMap<string, ComponentMetrics>): Map<PowerLevel, ComponentMetrics[]> {
  const out = new Map<PowerLevel, ComponentMetrics[]>();
  for (const m of components.values()) {
    if (!m.live || m.utilisationPct === null) continue;
    const list = out.get(m.level);
    if (list) list.push(m);
    else out.set(m.level, [m]);
  }
  for (const list of out.values()) list.sort((a, b) => (b.worst?.utilisationPct ?? 0) - (a.worst?.utilisationPct ?? 0));
  return out;
}

function UtilisationBars() {
  const { power } = useChecks();
  const byId = powerById(useEditor((s) => s.doc.power));
  const [expanded, setExpanded] = useState<ReadonlySet<PowerLevel>>(new Set());
  const levels = useMemo(() => barsByLevel(power.components), [power.components]);
  return (
    <div data-testid="utilisation">
      {BAR_LEVELS.map(({ level, name }) => {
        const list = levels.get(level) ?? [];
        if (list.length === 0) return null;
        const limit = level === 'circuit' ? CIRCUITS_SHOWN : BARS_SHOWN;
        const shown = expanded.has(level) ? list : list.slice(0, limit);
        return (
          <div key={level}>
            <h4>{name}</h4>
            {shown.map((m) => (
              <UtilisationBar key={m.id} id={m.id} name={byId.get(m.id)?.name ?? m.id} m={m} />
            ))}
            {shown.length < list.length ? (
              <button className="link" onClick={() => setExpanded((set) => new Set(set).add(level))}>
                Show all {list.length.toLocaleString('en-US')}
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function NumberSetting({ label, field, step }: { label: string; field: keyof Settings; step: number }) {
  const value = useEditor((s) => s.doc.settings[field]) as number;
  return (
    <NumberInput
      label={label}
      value={value}
      step={step}
      onCommit={(v) => runEdit(updateSettings(useEditor.getState().doc, { [field]: v }))}
    />
  );
}

function DesignSettings() {
  const settings = useEditor((s) => s.doc.settings);
  const designed = useEditor((s) => s.doc.cooling.length > 0);
  const set = (patch: Partial<Settings>) => runEdit(updateSettings(useEditor.getState().doc, patch));
  return (
    <div className="settings" data-testid="power-settings">
      <label className="setting">
        <span>Continuous-load rule</span>
        <select
          value={settings.electricalCode}
          onChange={(e) => {
            const code = e.target.value as Settings['electricalCode'];
            // NEC 210.20(A): 80 % continuous; IEC 60364 practice rates breakers at their In (1.0).
            set({ electricalCode: code, deratingFactor: code === 'NEC' ? 0.8 : 1 });
          }}
        >
          <option value="NEC">NEC (80 % continuous)</option>
          <option value="IEC">IEC (breaker rated current)</option>
        </select>
      </label>
      <NumberSetting label="Derating factor" field="deratingFactor" step={0.05} />
      <label className="setting">
        <span>Load basis</span>
        <select
          value={settings.loadBasis}
          onChange={(e) => set({ loadBasis: e.target.value as Settings['loadBasis'] })}
        >
          <option value="nameplate">Nameplate (maximum)</option>
          <option value="typical">Typical draw</option>
        </select>
      </label>
      <NumberSetting label="Transformer max loading" field="transformerMaxLoading" step={0.05} />
      <NumberSetting label="Phase imbalance limit %" field="phaseImbalanceLimitPct" step={1} />
      {!designed ? <NumberSetting label="Cooling kW per IT kW" field="coolingPowerRatio" step={0.01} /> : null}
      <QuantityInput
        label="Auxiliary load"
        quantity="power"
        valueUnit={1_000}
        value={settings.auxiliaryLoadKw}
        onCommit={(auxiliaryLoadKw) => set({ auxiliaryLoadKw })}
      />
      <NumberSetting label={`Tariff ${settings.currency}/kWh`} field="tariffPerKwh" step={0.01} />
    </div>
  );
}

export function PowerPanel() {
  // A large project just opened: no figures until its first loads come (zeros would read as results).
  const { loadsNotYet } = useChecks();
  return (
    <section className="power" aria-label="Power">
      <LoadsPending what="the figures" />
      {loadsNotYet ? null : (
        <>
          <h2>Site</h2>
          <SiteTotals />
          <h2>Redundancy</h2>
          <RedundancyVerdicts />
          <h2>Headroom</h2>
          <Headroom />
          <h2>Utilisation</h2>
          <UtilisationBars />
        </>
      )}
      <h2>Design settings</h2>
      <DesignSettings />
    </section>
  );
}

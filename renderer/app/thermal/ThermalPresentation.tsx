/**
 * The thermal view in presentation mode: a verdict chip beside power, cooling and security (the
 * worst Rack Cooling Index of the last run, with its band, and the racks over their allowable
 * inlet limit), and a button that lays the heat map over
 * the view. Both need a result; without one the chip is absent and the button says how to get one.
 */
import { plural } from '../../../shared/index';
import { useEditor } from '../../store/editor';
import { thermal, useThermal } from '../../store/thermal';
import { rciVerdict, thermalInputsChanged } from '../../store/thermalLogic';
import { pct } from '../format';

export function ThermalVerdictChip() {
  const computed = useThermal((s) => s.computed);
  const doc = useEditor((s) => s.doc);
  if (!computed || computed.result.halls.length === 0) return null;
  const { result } = computed;
  const rci = Math.min(...result.halls.flatMap((h) => [h.indices.rciHi, h.indices.rciLo]));
  const overAllowable = result.racks.filter((r) => r.status === 'over-allowable').length;
  const verdict = rciVerdict(rci);
  const state = overAllowable > 0 || verdict === 'poor' ? 'bad' : verdict === 'acceptable' ? 'warn' : 'good';
  const stale = thermalInputsChanged(computed.doc, doc);
  return (
    <li
      className={`verdict ${state}`}
      data-testid="verdict-thermal"
      title="The lowest Rack Cooling Index (high and low side) of the last thermal simulation: ≥ 96 % good, 91–95 % acceptable, ≤ 90 % poor"
    >
      Thermal RCI {pct(rci)}
      {overAllowable > 0 ? ` · ${plural(overAllowable, 'rack')} over allowable` : ''}
      {stale ? ' (stale)' : ''}
    </li>
  );
}

export function ThermalMapButton() {
  const shown = useThermal((s) => s.display.inPresentation);
  const hasResult = useThermal((s) => s.computed !== null);
  return (
    <button
      aria-pressed={shown}
      disabled={!hasResult}
      onClick={() => thermal.setDisplay({ inPresentation: !shown })}
      title={
        hasResult ? 'Show the heat map of the last thermal simulation' : 'Run a thermal simulation (Thermal tab) first'
      }
      data-testid="presentation-thermal-map"
    >
      Thermal map
    </button>
  );
}

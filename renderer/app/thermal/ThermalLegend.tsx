/**
 * The thermal view's colour legend over the 3D view: the scale from coolest to hottest with round
 * ticks in the project's temperature unit, the recommended maximum marked, what is drawn (air at a
 * height, the grid) and whether the result is stale. Shown exactly when the scene draws the result.
 */
import { ASHRAE_CLASSES, unitOf } from '../../../shared/index';
import { activeHall } from '../../store/documentStore';
import { useEditor } from '../../store/editor';
import { useThermal } from '../../store/thermal';
import { thermalInputsChanged } from '../../store/thermalLogic';
import { legendGradient, legendTicks } from '../../../shared/export/thermalColours';
import { useThermalView } from '../../scene/thermal/useThermalView';
import { useUnits } from '../units';
import './thermal.css';

/** ASHRAE TC 9.9's recommended maximum inlet, the same 27 °C for classes A1–A4 (checks/cooling/ashrae.ts): marked on the legend. */
const RECOMMENDED_MAX_C = ASHRAE_CLASSES.A1.recommendedMaxC;

export function ThermalLegend() {
  const hall = useEditor(activeHall);
  const doc = useEditor((s) => s.doc);
  const view = useThermalView(hall?.id);
  const computed = useThermal((s) => s.computed);
  const { system, fmt } = useUnits();
  if (!view || !hall || !computed) return null;
  const unit = unitOf('temperature', system);
  const lo = unit.fromSi(view.scale.minC);
  const hi = unit.fromSi(view.scale.maxC);
  const at = (shown: number) => `${(100 * (shown - lo)) / (hi - lo)}%`;
  const ticks = legendTicks({ minC: lo, maxC: hi });
  const recommended = unit.fromSi(RECOMMENDED_MAX_C);
  const stale = thermalInputsChanged(computed.doc, doc);
  const { display } = view;
  const what = [
    display.heatMap ? `air at ${fmt(Math.min(display.sliceHeightM, hall.height), 'length')}` : null,
    display.vertical ? 'vertical slice' : null,
    display.inlets ? 'intake faces (max)' : null,
  ].filter(Boolean);
  return (
    <div className="thermal-legend" data-testid="thermal-legend">
      <div className="thermal-legend-title">
        Temperature, {unit.symbol}
        <span className="hint">
          {' '}
          · {what.join(', ')} · {view.result.resolutionM.toFixed(2)} m grid
        </span>
        {stale ? <span className="thermal-stale">stale</span> : null}
      </div>
      <div className="thermal-legend-bar" style={{ background: legendGradient() }}>
        {recommended > lo && recommended < hi ? (
          <span
            className="thermal-legend-mark"
            style={{ left: at(recommended) }}
            title={`Recommended maximum inlet (ASHRAE A1–A4): ${fmt(RECOMMENDED_MAX_C, 'temperature', { digits: 0 })}`}
          />
        ) : null}
      </div>
      <div className="thermal-legend-ticks">
        {ticks.map((t) => (
          <span key={t} style={{ left: at(t) }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}

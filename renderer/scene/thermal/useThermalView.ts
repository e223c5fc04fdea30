/**
 * Whether the 3D view shows the thermal result now, and what of it: the field of the hall on
 * screen and the colour scale of the whole result. Shared by the scene's thermal overlay and the
 * legend over the view, so they are on and off together.
 *
 * Shown: in the editor while the Thermal tab is open (unless switched off there); in presentation
 * mode when the overlay's "Thermal map" is on; and at a tour stop that shows the thermal map.
 */
import type { HallThermalField, ThermalResult } from '../../../shared/thermal/types';
import { useEditor } from '../../store/editor';
import { stopHighlight } from '../../store/stopHighlight';
import { useThermal, type ThermalDisplay } from '../../store/thermal';
import { resultScale as scaleOfResult, type TemperatureScale } from '../../../shared/export/thermalColours';

export interface ThermalView {
  result: ThermalResult;
  /** The field of the hall on screen; null when the run did not cover it. */
  field: HallThermalField | null;
  scale: TemperatureScale;
  display: ThermalDisplay;
}

const scales = new WeakMap<ThermalResult, TemperatureScale>();

/** The result's one colour scale (all its halls), found once per result: it reads every cell. */
function resultScale(result: ThermalResult): TemperatureScale {
  let scale = scales.get(result);
  if (!scale) {
    scale = scaleOfResult(result);
    scales.set(result, scale);
  }
  return scale;
}

export function useThermalView(hallId: string | undefined): ThermalView | null {
  const computed = useThermal((s) => s.computed);
  const display = useThermal((s) => s.display);
  const presenting = useEditor((s) => s.presenting);
  const tabOpen = useEditor((s) => s.panel === 'thermal');
  const tourShows = useEditor((s) => stopHighlight(s)?.kind === 'thermal');
  if (!computed || hallId === undefined) return null;
  const shown = tourShows || (presenting ? display.inPresentation : tabOpen && display.inEditor);
  if (!shown) return null;
  const { result } = computed;
  return {
    result,
    field: result.fields.find((f) => f.hallId === hallId) ?? null,
    scale: resultScale(result),
    display,
  };
}

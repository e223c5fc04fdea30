/**
 * The project's display units (settings.units) bound to the formatting and parsing of
 * shared/units: panels call `fmt(si, 'airflow')` and show "300,000 m³/h" or "176,573 CFM" as the
 * project asks. The document keeps SI whatever is shown (docs/units.md).
 */
import { useMemo } from 'react';
import { formatQuantity, parseQuantity, unitOf, unitWords, type Quantity, type UnitSystem } from '../../shared/index';
import { useEditor } from '../store/editor';

export interface Units {
  system: UnitSystem;
  /** An SI value with the project's unit: "12.50 m" or "41.01 ft". */
  fmt(si: number, quantity: Quantity, options?: { digits?: number; feetInches?: boolean }): string;
  /** The figure in the project's unit, then in the other system's: "18.0 °C (64.4 °F)" (once where both agree, as kW). */
  dual(si: number, quantity: Quantity): string;
  /** The project's unit symbol for a quantity: "m" or "ft". */
  unit(quantity: Quantity): string;
  /** A typed figure in SI (a bare number is in the project's unit), or null when it is not one. */
  parse(text: string, quantity: Quantity): number | null;
}

/** What each quantity is called in a refusal ("not a length"). */
const QUANTITY_NAMES: Record<Quantity, string> = {
  length: 'length',
  size: 'size',
  area: 'area',
  power: 'power',
  cooling: 'cooling capacity',
  airflow: 'airflow',
  temperature: 'temperature',
  temperatureDelta: 'temperature difference',
  mass: 'weight',
  pressure: 'floor load',
  force: 'point load',
  liquidFlow: 'liquid flow',
  powerDensity: 'power per floor area',
};

const OTHER: Record<UnitSystem, UnitSystem> = { metric: 'imperial', imperial: 'metric' };

export function unitsFor(system: UnitSystem): Units {
  return {
    system,
    fmt: (si, quantity, options) => formatQuantity(si, quantity, system, options),
    dual: (si, quantity) => {
      const shown = formatQuantity(si, quantity, system);
      if (unitOf(quantity, system).symbol === unitOf(quantity, OTHER[system]).symbol) return shown;
      return `${shown} (${formatQuantity(si, quantity, OTHER[system])})`;
    },
    unit: (quantity) => unitOf(quantity, system).symbol,
    parse: (text, quantity) => parseQuantity(text, quantity, system),
  };
}

/** The project's units, for code outside React (commands, exports to the clipboard, event handlers). */
export function currentUnits(): Units {
  return unitsFor(useEditor.getState().doc.settings.units);
}

/** The project's units; the component renders again when the project switches system. */
export function useUnits(): Units {
  const system = useEditor((s) => s.doc.settings.units);
  return useMemo(() => unitsFor(system), [system]);
}

/**
 * Why a typed figure was refused and what the field takes instead: "“12 furlongs” is not a
 * length: type a number in ft, or a figure with its unit (m, mm, ft, in, 12' 6")."
 */
export function entryProblem(text: string, quantity: Quantity, system: UnitSystem): string {
  const takes = `a number in ${unitOf(quantity, system).symbol}, or a figure with its unit (${unitWords(quantity).join(', ')})`;
  const name = QUANTITY_NAMES[quantity];
  return text.trim() === '' ? `Enter the ${name}: ${takes}.` : `“${text.trim()}” is not a ${name}: type ${takes}.`;
}

/**
 * A figure as an input shows it for editing, with its unit and one decimal more than the panels
 * show, so converted figures keep their precision (0.6 m shows as 1.969 ft); thousands commas
 * are kept, as `parseQuantity` drops them.
 */
export function editText(si: number, quantity: Quantity, system: UnitSystem): string {
  const unit = unitOf(quantity, system);
  const shown = unit.fromSi(si).toLocaleString('en-US', { maximumFractionDigits: unit.digits + 1 });
  return `${shown} ${unit.symbol}`;
}

/** Project-wide display choices, as undoable commands: they are saved with the project. */
import type { UnitSystem } from '../../shared/index';
import type { Command } from './history';

export const UNIT_SYSTEM_NAMES: Record<UnitSystem, string> = {
  metric: 'Metric (SI)',
  imperial: 'Imperial (US)',
};

/**
 * Shows and takes figures in metric or imperial units. Only the display changes: the document
 * keeps SI, so switching back and forth never rounds a figure. Choosing the current system
 * changes nothing and leaves no undo step.
 */
export function setUnits(system: UnitSystem): Command {
  return { label: `Units: ${UNIT_SYSTEM_NAMES[system]}`, recipe: (d) => void (d.settings.units = system) };
}

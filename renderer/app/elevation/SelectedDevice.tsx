/** The selected device of the elevation with the keyboard's way to edit it: Up, Down, Remove and its feed side. */
import {
  formatQuantity,
  uLabel,
  type DevicePlacement,
  type ElevationDevice,
  type UnitSystem,
} from '../../../shared/index';
import { kW } from '../format';

export function SelectedDevice({
  device,
  units,
  onMove,
  onRemove,
  onFeed,
}: {
  device: ElevationDevice | undefined;
  units: UnitSystem;
  onMove: (byU: 1 | -1) => void;
  onRemove: () => void;
  onFeed: (feed: DevicePlacement['feed']) => void;
}) {
  if (!device)
    return (
      <p className="hint">
        Select a device to move it with Up and Down (or the arrow keys), remove it (Delete) or choose the side its
        supplies plug into.
      </p>
    );
  return (
    <div className="elevation-selected" data-testid="elevation-selected">
      <h4>
        {device.name} <small>{uLabel(device.range)}</small>
      </h4>
      <p>
        {device.uHeight}U · {kW(device.nameplateW)} nameplate, {kW(device.typicalW)} typical ·{' '}
        {formatQuantity(device.weightKg, 'mass', units)}
        {device.gpus > 0 ? ` · ${device.gpus} GPUs` : ''}
      </p>
      <div className="buttons">
        <button type="button" onClick={() => onMove(1)} title="Move up one U (↑)">
          Up
        </button>
        <button type="button" onClick={() => onMove(-1)} title="Move down one U (↓)">
          Down
        </button>
        <button type="button" onClick={onRemove} title="Remove from the rack (Delete)">
          Remove
        </button>
      </div>
      <label className="setting">
        <span>Supplies on</span>
        <select
          aria-label={`Supplies of ${device.name}`}
          value={device.feed}
          onChange={(e) => onFeed(e.target.value as DevicePlacement['feed'])}
        >
          <option value="AB">A+B</option>
          <option value="A">A</option>
          <option value="B">B</option>
        </select>
      </label>
    </div>
  );
}

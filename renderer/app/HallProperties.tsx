/**
 * One hall's properties: name, code, building, inner size, floor kind and the floor's load
 * ratings. Ratings show in kPa and kN, with psf and lbf beside them in imperial projects; while
 * they are the TIA-942 defaults the form says so. Every change is an undoable command, refused
 * with its reason when it would not hold (a code in use, racks left outside a smaller hall).
 */
import { formatQuantity, type Hall } from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { updateHall, type HallPatch } from '../store/hallCommands';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';
import { TextInput } from './TextInput';

const NO_BUILDING = '';

/** "12.00 kPa", or "12.00 kPa (250.6 psf)" in an imperial project. */
function rating(value: number, quantity: 'pressure' | 'force', imperial: boolean): string {
  const metric = formatQuantity(value, quantity, 'metric');
  return imperial ? `${metric} (${formatQuantity(value, quantity, 'imperial')})` : metric;
}

export function HallProperties({ hall }: { hall: Hall }) {
  const buildings = useEditor((s) => s.doc.buildings);
  const imperial = useEditor((s) => s.doc.settings.units === 'imperial');
  const summary = useChecks().floor.halls.get(hall.id);
  const edit = (patch: HallPatch) => runEdit(updateHall(useEditor.getState().doc, hall.id, patch));
  const { floor } = hall;

  return (
    <div className="hall-properties" data-testid="hall-properties">
      <h3>{hall.name}</h3>
      <TextInput label="Name" ariaLabel="Hall name" value={hall.name} onCommit={(name) => edit({ name })} />
      <TextInput label="Code" ariaLabel="Hall code" value={hall.code} onCommit={(code) => edit({ code })} />
      <label className="setting">
        <span>Building</span>
        <select
          aria-label="Building"
          value={hall.buildingId ?? NO_BUILDING}
          onChange={(e) => edit({ buildingId: e.target.value === NO_BUILDING ? null : e.target.value })}
        >
          <option value={NO_BUILDING}>— no building —</option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <QuantityInput label="Width" quantity="length" value={hall.width} onCommit={(width) => edit({ width })} />
      <QuantityInput label="Depth" quantity="length" value={hall.depth} onCommit={(depth) => edit({ depth })} />
      <QuantityInput
        label="Ceiling height"
        quantity="length"
        value={hall.height}
        onCommit={(height) => edit({ height })}
      />

      <h4>Floor</h4>
      <label className="setting">
        <span>Kind</span>
        <select
          aria-label="Floor kind"
          value={floor.kind}
          onChange={(e) => edit({ floorKind: e.target.value as Hall['floor']['kind'] })}
        >
          <option value="slab">Slab</option>
          <option value="raised">Raised floor</option>
        </select>
      </label>
      {floor.kind === 'raised' ? (
        <QuantityInput
          label="Raised-floor height"
          quantity="length"
          value={floor.raisedHeightM}
          onCommit={(raisedHeightM) => edit({ raisedHeightM })}
        />
      ) : null}
      <QuantityInput
        label="Uniform load rating"
        quantity="pressure"
        value={floor.uniformLoadKpa}
        onCommit={(uniformLoadKpa) => edit({ uniformLoadKpa })}
      />
      <QuantityInput
        label="Point load rating"
        quantity="force"
        value={floor.pointLoadKn}
        onCommit={(pointLoadKn) => edit({ pointLoadKn })}
      />
      <dl className="facts">
        <dt>Uniform</dt>
        <dd data-testid="hall-uniform-rating">{rating(floor.uniformLoadKpa, 'pressure', imperial)}</dd>
        <dt>Concentrated</dt>
        <dd data-testid="hall-point-rating">{rating(floor.pointLoadKn, 'force', imperial)}</dd>
        {summary && summary.racks > 0 ? (
          <>
            <dt>Heaviest loads</dt>
            <dd data-testid="hall-floor-worst">
              {rating(summary.maxPitchKpa, 'pressure', imperial)} over a rack&apos;s pitch,{' '}
              {rating(summary.maxPointKn, 'force', imperial)} per foot
            </dd>
          </>
        ) : null}
      </dl>
      {floor.ratingDeclared ? (
        <button onClick={() => edit({ ratingDeclared: false })} title="Put back the TIA-942 Rated-3 defaults">
          Use the TIA-942 defaults
        </button>
      ) : (
        <>
          <p className="hint" data-testid="hall-rating-undeclared">
            (TIA-942 default — enter the building&apos;s rating)
          </p>
          <button
            onClick={() => edit({ ratingDeclared: true })}
            title="The building's structural rating is these figures: stop noting them as assumed"
          >
            These are the building&apos;s ratings
          </button>
        </>
      )}
    </div>
  );
}

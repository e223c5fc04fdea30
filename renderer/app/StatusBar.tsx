import { host } from '../platform/host';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { plural, type UnitSystem } from '../../shared/index';
import { setUnits, UNIT_SYSTEM_NAMES } from '../store/settingsCommands';
import { MW } from './format';

/** The project's display units; an undoable edit, saved with the project (docs/units.md). */
function UnitsSelect() {
  const units = useEditor((s) => s.doc.settings.units);
  return (
    <label className="status-units">
      Units:{' '}
      <select
        aria-label="Units"
        data-testid="status-units"
        value={units}
        title="How the editor shows and takes figures; the project file and the exports stay SI"
        onChange={(e) => {
          useEditor.getState().run(setUnits(e.target.value as UnitSystem));
          // Hand the keyboard back to the editor's shortcuts, so Ctrl+Z undoes the switch at once.
          e.currentTarget.blur();
        }}
      >
        {(Object.keys(UNIT_SYSTEM_NAMES) as UnitSystem[]).map((s) => (
          <option key={s} value={s}>
            {UNIT_SYSTEM_NAMES[s]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StatusBar() {
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selection.length);
  const tool = useEditor((s) => s.tool);
  const { counts, power, loadsPending, loadsNotYet } = useChecks();
  const { error: errors, warning: warnings } = counts;
  // While a large site's loads are worked out, the counts include the previous power and cooling findings: never green.
  const tone = errors ? 'bad' : warnings || loadsPending ? 'warn' : 'good';

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span>{host.host === 'electron' ? 'Desktop' : 'Web mode'}</span>
      <span>{tool.kind === 'place-rack' ? 'Placing: click the floor' : `${selected} selected`}</span>
      <span data-testid="status-racks">{doc.racks.length} racks</span>
      {/* A large project just opened: no figures until its first loads come, rather than zeros. */}
      <span data-testid="status-it-load">IT {loadsNotYet ? '—' : MW(power.itLoadW)}</span>
      <span data-testid="status-facility">
        Facility {loadsNotYet ? '—' : MW(power.facilityLoadW)}
        {power.site.pue !== null ? ` · PUE ${power.site.pue.toFixed(2)}` : ''}
      </span>
      <span className={tone} data-testid="status-findings">
        {plural(errors, 'error')} · {plural(warnings, 'warning')}
      </span>
      {loadsPending ? (
        <span
          role="status"
          data-testid="status-loads-pending"
          title={
            loadsNotYet
              ? 'This site is large: its power and cooling are checked in the background. Until then there are no power and cooling figures or findings.'
              : 'This site is large: power and cooling are re-checked in the background after an edit that changes what racks draw. Until then the power and cooling figures and findings are those before the edit.'
          }
        >
          {loadsNotYet ? 'Checking power and cooling…' : 'Re-checking power and cooling…'}
        </span>
      ) : null}
      <UnitsSelect />
    </footer>
  );
}

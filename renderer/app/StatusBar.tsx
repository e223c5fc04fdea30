import { host } from '../platform/host';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { plural } from '../../shared/index';
import { MW } from './format';

export function StatusBar() {
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selection.length);
  const tool = useEditor((s) => s.tool);
  const { counts, power } = useChecks();
  const { error: errors, warning: warnings } = counts;

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span>{host.host === 'electron' ? 'Desktop' : 'Web mode'}</span>
      <span>{tool.kind === 'place-rack' ? 'Placing: click the floor' : `${selected} selected`}</span>
      <span data-testid="status-racks">{doc.racks.length} racks</span>
      <span data-testid="status-it-load">IT {MW(power.itLoadW)}</span>
      <span data-testid="status-facility">
        Facility {MW(power.facilityLoadW)}
        {power.site.pue !== null ? ` · PUE ${power.site.pue.toFixed(2)}` : ''}
      </span>
      <span className={errors ? 'bad' : warnings ? 'warn' : 'good'} data-testid="status-findings">
        {plural(errors, 'error')} · {plural(warnings, 'warning')}
      </span>
    </footer>
  );
}

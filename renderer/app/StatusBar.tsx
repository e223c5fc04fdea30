import { host } from '../platform/host';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { MW } from './format';

export function StatusBar() {
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selection.length);
  const tool = useEditor((s) => s.tool);
  const { counts, power } = useChecks();
  const usable = [...power.feeds.values()].reduce((s, f) => s + f.usableW, 0);
  const { error: errors, warning: warnings } = counts;

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span>{host.host === 'electron' ? 'Desktop' : 'Web mode'}</span>
      <span>{tool.kind === 'place-rack' ? 'Placing: click the floor' : `${selected} selected`}</span>
      <span data-testid="status-racks">{doc.racks.length} racks</span>
      <span data-testid="status-it-load">IT {MW(power.itLoadW)}</span>
      <span>
        Facility {MW(power.facilityLoadW)}
        {usable > 0 ? ` of ${MW(usable)} usable feed` : ''}
      </span>
      <span className={errors ? 'bad' : warnings ? 'warn' : 'good'} data-testid="status-findings">
        {errors} errors · {warnings} warnings
      </span>
    </footer>
  );
}

/**
 * A load bar: the normal loading as a fill, the worst case (a failure, or the declared
 * redundancy's loss) as a marker, both in % of capacity. Clicking selects `id`.
 */
import { useEditor } from '../store/editor';
import { pct } from './format';

export function LoadBar(props: {
  id: string;
  testId: string;
  label: string;
  normalPct: number;
  worstPct: number;
  /** How the worst case is named after its percentage ("worst", "N−k"). */
  worstName: string;
  title: string;
}) {
  const { id, testId, label, normalPct: normal, worstPct: worst, worstName, title } = props;
  const selected = useEditor((s) => s.selection.includes(id));
  const shown = (x: number) => (Number.isFinite(x) ? pct(x) : 'none');
  return (
    <button
      className={`ubar${selected ? ' active' : ''}`}
      onClick={(e) => useEditor.getState().select([id], e.shiftKey ? 'toggle' : 'replace')}
      title={title}
      data-testid={testId}
    >
      <span className="ubar-label">
        <span>{label}</span>
        <span>
          {shown(normal)}
          {worst > normal + 0.05 ? (
            <small>
              {' '}
              · {worstName} {shown(worst)}
            </small>
          ) : null}
        </span>
      </span>
      <span className="loadbar-track">
        <span className={`loadbar-fill${normal > 100 ? ' over' : ''}`} style={{ width: `${Math.min(100, normal)}%` }} />
        <span className={`loadbar-worst${worst > 100 ? ' over' : ''}`} style={{ left: `${Math.min(100, worst)}%` }} />
      </span>
    </button>
  );
}

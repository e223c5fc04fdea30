/** While a failure is simulated: what failed, what it did, and the way out. */
import { useSimulation } from '../store/checks';
import { useEditor } from '../store/editor';

export function SimulationBanner() {
  const simulation = useSimulation();
  const names = useEditor((s) => s.doc.power);
  if (!simulation) return null;
  const name = (id: string) => names.find((p) => p.id === id)?.name ?? id;
  const lost = simulation.darkRackIds.length + simulation.partlyDarkRackIds.length;
  const clean = lost === 0 && simulation.overloaded.length === 0;
  return (
    <div className={`notice ${clean ? 'info' : 'error'}`} role="status" data-testid="simulation">
      <div>
        <p>
          <strong>Simulating {simulation.label}.</strong>{' '}
          {clean
            ? 'Everything keeps power and nothing is overloaded.'
            : [
                lost ? `${lost} rack${lost > 1 ? 's' : ''} lose power` : '',
                simulation.overloaded.length
                  ? `overloaded: ${simulation.overloaded.map((o) => `${name(o.id)} (${((100 * o.loadW) / o.usableW).toFixed(0)} %)`).join(', ')}`
                  : '',
              ]
                .filter(Boolean)
                .join('; ') + '.'}{' '}
          {simulation.throttledRackIds.length
            ? `${simulation.throttledRackIds.length} racks run throttled on their remaining power supplies.`
            : ''}
        </p>
      </div>
      <button onClick={() => useEditor.getState().simulate(null)}>Stop simulation (Esc)</button>
    </div>
  );
}

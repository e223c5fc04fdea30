/**
 * One scenario rule in words: "Racks in <scope> that hold <what> → <action>". Every change is an
 * undoable edit of the document; the rule order (first fit wins) is shown by its number.
 */
import {
  catalogFor,
  RACK_CONFIGS,
  rackConfigName,
  type RackConfig,
  type ScenarioRule,
  type ScenarioScope,
} from '../../shared/index';
import { useEditor } from '../store/editor';
import { deleteRule, moveRule, updateRule } from '../store/scenarioCommands';
import { NumberInput } from './NumberInput';
import { runEdit } from './runEdit';

const MATCH_NAMES: Record<ScenarioRule['match'], string> = {
  any: 'anything',
  gpu: 'GPU servers',
  miner: 'miners',
  empty: 'nothing (empty racks)',
};

const sameConfig = (a: RackConfig, b: RackConfig) => JSON.stringify(a) === JSON.stringify(b);

export function RuleEditor({ scenarioId, rule, index }: { scenarioId: string; rule: ScenarioRule; index: number }) {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const catalog = catalogFor(doc);
  const edit = (patch: Partial<Omit<ScenarioRule, 'id'>>) => runEdit(updateRule(doc, scenarioId, rule.id, patch));
  const selectedRacks = selection.filter((id) => doc.racks.some((r) => r.id === id));

  const setScopeKind = (kind: ScenarioScope['kind']) => {
    if (kind === 'all') edit({ scope: { kind } });
    else if (kind === 'halls') edit({ scope: { kind, ids: [doc.halls[0]!.id] } });
    else if (kind === 'rows' && doc.rows[0]) edit({ scope: { kind, ids: [doc.rows[0].id] } });
    else if (kind === 'racks' && selectedRacks.length > 0) edit({ scope: { kind, ids: selectedRacks } });
    else
      useEditor.getState().notify({
        kind: 'error',
        text: kind === 'rows' ? 'The design has no rows.' : 'Select the racks first, then choose "Selected racks".',
        details: [],
      });
  };
  const toggleId = (id: string, on: boolean) => {
    if (rule.scope.kind !== 'halls' && rule.scope.kind !== 'rows') return;
    const ids = on ? [...rule.scope.ids, id] : rule.scope.ids.filter((x) => x !== id);
    if (ids.length > 0) edit({ scope: { kind: rule.scope.kind, ids } });
  };

  const { action } = rule;
  const preset =
    action.kind === 'replace'
      ? RACK_CONFIGS.find((c) => sameConfig({ rackTypeId: c.rackTypeId, devices: c.devices }, action.config))
      : undefined;
  const actionValue = action.kind === 'replace' ? (preset ? `preset:${preset.id}` : 'custom') : action.kind;
  const setAction = (value: string) => {
    if (value === 'keep' || value === 'empty') edit({ action: { kind: value } });
    else if (value === 'custom' && action.kind !== 'replace')
      edit({
        action: {
          kind: 'replace',
          config: { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }] },
        },
      });
    else if (value.startsWith('preset:')) {
      const p = RACK_CONFIGS.find((c) => `preset:${c.id}` === value);
      if (p) edit({ action: { kind: 'replace', config: { rackTypeId: p.rackTypeId, devices: p.devices } } });
    }
  };
  const custom = action.kind === 'replace' && !preset ? action.config : null;
  const first = custom?.devices[0];

  return (
    <li className="rule" data-testid={`rule-${rule.id}`}>
      <div className="rule-line">
        <strong>{index + 1}.</strong>
        <label>
          Racks in{' '}
          <select
            value={rule.scope.kind}
            onChange={(e) => setScopeKind(e.target.value as ScenarioScope['kind'])}
            aria-label={`Rule ${index + 1} scope`}
          >
            <option value="all">the whole site</option>
            <option value="halls">halls…</option>
            <option value="rows">rows…</option>
            <option value="racks">selected racks</option>
          </select>
        </label>
        <label>
          holding{' '}
          <select
            value={rule.match}
            onChange={(e) => edit({ match: e.target.value as ScenarioRule['match'] })}
            aria-label={`Rule ${index + 1} match`}
          >
            {Object.entries(MATCH_NAMES).map(([v, n]) => (
              <option key={v} value={v}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          →{' '}
          <select
            value={actionValue}
            onChange={(e) => setAction(e.target.value)}
            aria-label={`Rule ${index + 1} action`}
          >
            <option value="keep">keep as they are</option>
            <option value="empty">empty them</option>
            {RACK_CONFIGS.map((c) => (
              <option key={c.id} value={`preset:${c.id}`}>
                {rackConfigName(c, catalog)}
              </option>
            ))}
            <option value="custom">custom configuration…</option>
          </select>
        </label>
      </div>
      {rule.scope.kind === 'halls' || rule.scope.kind === 'rows' ? (
        <div className="rule-scope">
          {(rule.scope.kind === 'halls' ? doc.halls : doc.rows).map((x) => (
            <label key={x.id} className="check">
              <input
                type="checkbox"
                checked={rule.scope.kind !== 'all' && rule.scope.kind !== 'racks' && rule.scope.ids.includes(x.id)}
                onChange={(e) => toggleId(x.id, e.target.checked)}
              />
              {x.name}
            </label>
          ))}
        </div>
      ) : rule.scope.kind === 'racks' ? (
        <div className="rule-scope">
          {rule.scope.ids.length} racks{' '}
          <button
            disabled={selectedRacks.length === 0}
            onClick={() => edit({ scope: { kind: 'racks', ids: selectedRacks } })}
          >
            Use the selection ({selectedRacks.length})
          </button>
        </div>
      ) : null}
      {custom && first ? (
        <div className="rule-scope">
          <NumberInput
            label={`Rule ${index + 1} count`}
            value={first.count}
            step={1}
            onCommit={(count) =>
              edit({ action: { kind: 'replace', config: { ...custom, devices: [{ ...first, count }] } } })
            }
          />
          <label>
            ×{' '}
            <select
              aria-label={`Rule ${index + 1} device`}
              value={first.catalogId}
              onChange={(e) =>
                edit({
                  action: {
                    kind: 'replace',
                    config: { ...custom, devices: [{ ...first, catalogId: e.target.value }] },
                  },
                })
              }
            >
              {catalog.devices().map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            in{' '}
            <select
              aria-label={`Rule ${index + 1} rack type`}
              value={custom.rackTypeId ?? ''}
              onChange={(e) =>
                edit({ action: { kind: 'replace', config: { ...custom, rackTypeId: e.target.value || null } } })
              }
            >
              <option value="">each rack's own frame</option>
              {catalog.rackTypes().map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <div className="buttons">
        <button
          aria-label={`Move rule ${index + 1} up`}
          onClick={() => runEdit(moveRule(doc, scenarioId, rule.id, -1))}
        >
          ↑
        </button>
        <button
          aria-label={`Move rule ${index + 1} down`}
          onClick={() => runEdit(moveRule(doc, scenarioId, rule.id, 1))}
        >
          ↓
        </button>
        <button aria-label={`Delete rule ${index + 1}`} onClick={() => runEdit(deleteRule(doc, scenarioId, rule.id))}>
          Delete rule
        </button>
      </div>
    </li>
  );
}

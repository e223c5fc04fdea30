/**
 * A labelled figure with a physical unit, shown and typed in the project's units (settings.units)
 * and committed in the document's SI. It takes a bare number in the unit shown, or a figure with
 * its own unit in either system ("600 mm", "12' 6\"", "80 F", "1,000 CFM"). An entry it cannot
 * read is not dropped: it stays in the field, marked invalid, with what the field would take.
 * Commits on Enter or blur, and only when the figure changed; Esc puts the value back.
 */
import { useId, useState } from 'react';
import { unitWords, type Quantity } from '../../shared/index';
import { editText, entryProblem, useUnits } from './units';

/** Twelve significant digits: dividing by a stored unit must not leave float noise in the document. */
const clean = (x: number) => Number(x.toPrecision(12));

export function QuantityInput(props: {
  /** What the figure is, without its unit ("Width"); the unit follows the project's system. */
  label: string;
  quantity: Quantity;
  /** The document's value, in SI or in SI ÷ `valueUnit`. */
  value: number;
  onCommit: (value: number) => void;
  /** SI units in one unit of `value`: 1,000 for a figure the document keeps in kW. */
  valueUnit?: number;
}) {
  const { label, quantity, value, onCommit, valueUnit = 1 } = props;
  const units = useUnits();
  const id = useId();
  const shown = editText(value * valueUnit, quantity, units.system);
  // The refusal belongs to the figure it was typed over: an undo or a unit switch clears it.
  const [refused, setRefused] = useState<{ over: string; problem: string } | null>(null);
  const problem = refused?.over === shown ? refused.problem : null;
  const symbol = units.unit(quantity);
  const labelText = `${label}, ${symbol}`;

  const commit = (input: HTMLInputElement) => {
    const text = input.value;
    if (text === shown) return setRefused(null);
    const si = units.parse(text, quantity);
    if (si === null) return setRefused({ over: shown, problem: entryProblem(text, quantity, units.system) });
    setRefused(null);
    const next = clean(si / valueUnit);
    if (next !== value) onCommit(next);
    // The same figure in other words ("0.6 m" over "600 mm") shows as the field writes it.
    else input.value = shown;
  };

  return (
    <label className="setting quantity">
      <span>{labelText}</span>
      <input
        // A new value from the document (undo, another edit, a unit switch) replaces what the field shows.
        key={shown}
        type="text"
        inputMode="decimal"
        defaultValue={shown}
        aria-label={labelText}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${id}-problem` : undefined}
        title={`A number in ${symbol}, or a figure with its unit (${unitWords(quantity).join(', ')})`}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget);
          if (e.key === 'Escape') {
            e.currentTarget.value = shown;
            setRefused(null);
          }
        }}
      />
      {problem !== null ? (
        <small id={`${id}-problem`} className="quantity-problem" role="alert" data-testid="quantity-problem">
          {problem}
        </small>
      ) : null}
    </label>
  );
}

/**
 * A labelled number field that commits on Enter or blur, and only when the value changed. For
 * counts, percentages, factors and figures that read the same in both unit systems (V, A, kVA);
 * a figure with a length, temperature, airflow, weight… takes `QuantityInput`, which follows the
 * project's units.
 */
export function NumberInput(props: { label: string; value: number; step: number; onCommit: (value: number) => void }) {
  const { label, value, step, onCommit } = props;
  const commit = (text: string) => {
    const n = Number(text);
    if (text.trim() !== '' && n !== value) onCommit(n);
  };
  return (
    <label className="setting">
      <span>{label}</span>
      <input
        // A new value from the document (undo, another edit) replaces what the field shows.
        key={value}
        type="number"
        step={step}
        defaultValue={value}
        aria-label={label}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

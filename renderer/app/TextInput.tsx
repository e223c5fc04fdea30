/**
 * A text field bound to a document value: it commits on blur or Enter (Enter leaves the field, so
 * the blur commits once), and shows the document's value again when an edit or an undo changes it.
 */
export function TextInput(props: {
  label?: string;
  ariaLabel: string;
  value: string;
  onCommit: (text: string) => void;
}) {
  const { label, ariaLabel, value, onCommit } = props;
  const input = (
    <input
      key={value}
      defaultValue={value}
      aria-label={ariaLabel}
      onBlur={(e) => {
        if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
  if (!label) return input;
  return (
    <label className="setting">
      <span>{label}</span>
      {input}
    </label>
  );
}

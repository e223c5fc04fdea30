/**
 * The form for a device of the user's own: every field of `customDeviceSchema` with its unit. It
 * checks what is typed with that very schema and shows each problem under its field, in the
 * schema's words, so the form refuses exactly what a project file would. Weight and airflow show
 * and take the project's units (a figure with its own unit too: "48 lb", "1,105 CFM"); the
 * device keeps kg and CFM, as the catalog does.
 */
import { useId, useState, type ReactNode } from 'react';
import {
  customDeviceSchema,
  formatPath,
  parseQuantity,
  unitOf,
  type CustomDevice,
  type Quantity,
  type UnitSystem,
} from '../../shared/index';
import type { CustomDeviceFields } from '../store/catalogCommands';
import { editText, entryProblem, useUnits } from './units';

/** What the inputs hold: numbers as typed, so a half-typed or blank value can be reported rather than lost. */
interface Draft {
  name: string;
  category: CustomDevice['category'];
  uHeight: string;
  nameplateW: string;
  typicalW: string;
  weightKg: string;
  psuCount: string;
  psuRedundant: string;
  cooling: CustomDevice['cooling'];
  liquidFraction: string;
  airflowCfm: string;
  ashraeClass: CustomDevice['ashraeClass'];
  hasGpus: boolean;
  gpuCount: string;
  gpuModel: string;
  bf16DenseTflops: string;
  fp8DenseTflops: string;
  hashrateThs: string;
  source: string;
}

/** Where the schema's paths land in the form, in the order the form shows them. */
const FIELD_ORDER = [
  'name',
  'category',
  'uHeight',
  'weightKg',
  'nameplateW',
  'typicalW',
  'psuCount',
  'psuRedundant',
  'cooling',
  'liquidFraction',
  'airflowCfm',
  'ashraeClass',
  'gpus.count',
  'gpus.model',
  'gpus.bf16DenseTflops',
  'gpus.fp8DenseTflops',
  'hashrateThs',
  'source',
] as const;
type FieldName = (typeof FIELD_ORDER)[number];

const REQUIRED_NUMBERS = {
  uHeight: 'uHeight',
  nameplateW: 'nameplateW',
  typicalW: 'typicalW',
  weightKg: 'weightKg',
  psuCount: 'psuCount',
  psuRedundant: 'psuRedundant',
  gpuCount: 'gpus.count',
  bf16DenseTflops: 'gpus.bf16DenseTflops',
} as const satisfies Partial<Record<keyof Draft, FieldName>>;

export const CATEGORY_NAMES: Record<CustomDevice['category'], string> = {
  'gpu-server': 'GPU server',
  'gpu-rig': 'GPU rig (ex-mining)',
  miner: 'Bitcoin miner',
  network: 'Network',
  storage: 'Storage',
  other: 'Other',
};

export const COOLING_NAMES: Record<CustomDevice['cooling'], string> = {
  air: 'Air',
  liquid: 'Direct liquid (cold plates)',
  immersion: 'Immersion only',
};

const CATEGORIES = customDeviceSchema.shape.category.options;
const COOLINGS = customDeviceSchema.shape.cooling.options;
const ASHRAE_CLASSES = customDeviceSchema.shape.ashraeClass.options;

/** A fresh device starts as the common case: an air-cooled server on 1+1 power supplies. */
const NEW_DRAFT: Draft = {
  name: '',
  category: 'gpu-server',
  uHeight: '',
  nameplateW: '',
  typicalW: '',
  weightKg: '',
  psuCount: '2',
  psuRedundant: '1',
  cooling: 'air',
  liquidFraction: '0.8',
  airflowCfm: '',
  ashraeClass: 'A2',
  hasGpus: false,
  gpuCount: '8',
  gpuModel: '',
  bf16DenseTflops: '',
  fp8DenseTflops: '',
  hashrateThs: '',
  source: '',
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

const CFM = unitOf('airflow', 'imperial');
/** Draft fields typed in the project's units: the quantity each is, and the way to and from the device's own unit (kg, CFM). */
const QUANTITY_FIELDS = {
  weightKg: { quantity: 'mass', toSi: (kg: number) => kg, fromSi: (kg: number) => kg },
  airflowCfm: { quantity: 'airflow', toSi: CFM.toSi, fromSi: CFM.fromSi },
} as const satisfies Partial<
  Record<keyof Draft, { quantity: Quantity; toSi: (x: number) => number; fromSi: (x: number) => number }>
>;
type QuantityKey = keyof typeof QUANTITY_FIELDS;

/** A device figure as the form shows it: in the project's units, with the unit, blank when there is none. */
function quantityText(key: QuantityKey, value: number | null, system: UnitSystem): string {
  const f = QUANTITY_FIELDS[key];
  return value === null ? '' : editText(f.toSi(value), f.quantity, system);
}

/**
 * A typed figure in the device's own unit (kg, CFM); null when blank, NaN when it cannot be read
 * (the schema then refuses it and `problems` says why). Text left as the form showed it keeps the
 * device's exact figure, so opening and saving a device never rounds it.
 */
function quantityValue(
  key: QuantityKey,
  typed: string,
  system: UnitSystem,
  original: CustomDeviceFields | null,
): number | null {
  if (typed.trim() === '') return null;
  const kept = original?.[key] ?? null;
  if (kept !== null && typed === quantityText(key, kept, system)) return kept;
  const f = QUANTITY_FIELDS[key];
  const si = parseQuantity(typed, f.quantity, system);
  return si === null ? Number.NaN : Number(f.fromSi(si).toPrecision(12));
}

function draftOf(device: CustomDeviceFields, system: UnitSystem): Draft {
  return {
    name: device.name,
    category: device.category,
    uHeight: text(device.uHeight),
    nameplateW: text(device.nameplateW),
    typicalW: text(device.typicalW),
    weightKg: quantityText('weightKg', device.weightKg, system),
    psuCount: text(device.psuCount),
    psuRedundant: text(device.psuRedundant),
    cooling: device.cooling,
    liquidFraction: device.cooling === 'liquid' ? text(device.liquidFraction) : NEW_DRAFT.liquidFraction,
    airflowCfm: quantityText('airflowCfm', device.airflowCfm, system),
    ashraeClass: device.ashraeClass,
    hasGpus: device.gpus !== null,
    gpuCount: text(device.gpus?.count ?? Number(NEW_DRAFT.gpuCount)),
    gpuModel: device.gpus?.model ?? '',
    bf16DenseTflops: text(device.gpus?.bf16DenseTflops),
    fp8DenseTflops: text(device.gpus?.fp8DenseTflops),
    hashrateThs: text(device.hashrateThs),
    source: device.source,
  };
}

// A blank required number becomes NaN so that the schema refuses it; the form then words it itself.
const required = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const optional = (s: string) => (s.trim() === '' ? null : Number(s));

function fieldsOf(d: Draft, system: UnitSystem, original: CustomDeviceFields | null): CustomDeviceFields {
  return {
    name: d.name.trim(),
    category: d.category,
    uHeight: required(d.uHeight),
    nameplateW: required(d.nameplateW),
    typicalW: required(d.typicalW),
    weightKg: quantityValue('weightKg', d.weightKg, system, original) ?? Number.NaN,
    psuCount: required(d.psuCount),
    psuRedundant: required(d.psuRedundant),
    cooling: d.cooling,
    // Only a cold-plate device splits its heat; air sends none to liquid, immersion all of it.
    liquidFraction: d.cooling === 'liquid' ? required(d.liquidFraction) : d.cooling === 'immersion' ? 1 : 0,
    airflowCfm: quantityValue('airflowCfm', d.airflowCfm, system, original),
    ashraeClass: d.ashraeClass,
    gpus: d.hasGpus
      ? {
          count: required(d.gpuCount),
          model: d.gpuModel.trim(),
          bf16DenseTflops: required(d.bf16DenseTflops),
          fp8DenseTflops: optional(d.fp8DenseTflops),
        }
      : null,
    hashrateThs: optional(d.hashrateThs),
    source: d.source.trim(),
  };
}

/** Each field's first problem, in the schema's words (blank numbers, unreadable figures and a blank name in the form's). */
function problems(d: Draft, fields: CustomDeviceFields, system: UnitSystem): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  // The id is the project's to give; any valid one stands in for it here.
  const parsed = customDeviceSchema.safeParse({ ...fields, id: 'custom-device' });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = formatPath(issue.path) as FieldName;
      out[key] ??= issue.message;
    }
  for (const [input, field] of Object.entries(REQUIRED_NUMBERS) as [keyof typeof REQUIRED_NUMBERS, FieldName][]) {
    if (field.startsWith('gpus.') && !d.hasGpus) continue;
    if (d[input].trim() === '') out[field] = 'enter a number';
  }
  if (d.cooling === 'liquid' && d.liquidFraction.trim() === '') out.liquidFraction = 'enter a number';
  for (const key of Object.keys(QUANTITY_FIELDS) as QuantityKey[])
    if (d[key].trim() !== '' && Number.isNaN(fields[key]))
      out[key] = entryProblem(d[key], QUANTITY_FIELDS[key].quantity, system);
  if (fields.name === '') out.name = 'give the device a name';
  return out;
}

/** Draft keys that hold free text (the selects hold one of their options). */
type TextKey = { [K in keyof Draft]: string extends Draft[K] ? K : never }[keyof Draft];

/** A labelled control with its hint and its problem, both tied to it for screen readers. */
function Field(props: {
  id: string;
  name: FieldName;
  label: string;
  error: string | undefined;
  hint?: string | undefined;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const { id, name, label, error, hint } = props;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className="catalog-field">
      <label htmlFor={id}>{label}</label>
      {props.children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': described || undefined })}
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="catalog-field-error" data-testid={`field-error-${name}`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function CustomDeviceForm(props: {
  /** The device being edited, or null for a new one. */
  device: CustomDeviceFields | null;
  /** Called with a device that passes the schema; the caller runs the edit and closes the form. */
  onSave: (fields: CustomDeviceFields) => void;
  onCancel: () => void;
}) {
  const { device, onSave, onCancel } = props;
  const base = useId();
  const units = useUnits();
  const [draft, setDraft] = useState<Draft>(() => (device ? draftOf(device, units.system) : NEW_DRAFT));
  // Problems show once Save was tried, then follow every keystroke.
  const [tried, setTried] = useState(false);
  const fields = fieldsOf(draft, units.system, device);
  const found = problems(draft, fields, units.system);
  const errors = tried ? found : {};
  const idOf = (field: FieldName) => `${base}-${field.replace('.', '-')}`;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = () => {
    setTried(true);
    const first = FIELD_ORDER.find((f) => found[f] !== undefined);
    if (first) document.getElementById(idOf(first))?.focus();
    else onSave(fields);
  };

  const field = (
    name: FieldName,
    label: string,
    hint: string | undefined,
    control: Parameters<typeof Field>[0]['children'],
  ) => (
    <Field id={idOf(name)} name={name} label={label} error={errors[name]} hint={hint}>
      {control}
    </Field>
  );
  const numberInput = (name: FieldName, key: TextKey, label: string, step: number, hint?: string) =>
    field(name, label, hint, (aria) => (
      <input {...aria} type="number" step={step} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
    ));
  const quantityInput = (key: QuantityKey, label: string, hint?: string) =>
    field(key, `${label}, ${units.unit(QUANTITY_FIELDS[key].quantity)}`, hint, (aria) => (
      <input {...aria} inputMode="decimal" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
    ));
  const select = <K extends 'category' | 'cooling' | 'ashraeClass'>(
    key: K,
    label: string,
    options: readonly Draft[K][],
    names: (option: Draft[K]) => string,
  ) =>
    field(key, label, undefined, (aria) => (
      <select {...aria} value={draft[key]} onChange={(e) => set(key, e.target.value as Draft[K])}>
        {options.map((o) => (
          <option key={o} value={o}>
            {names(o)}
          </option>
        ))}
      </select>
    ));

  return (
    <form
      className="catalog-form"
      data-testid="custom-device-form"
      aria-label={device ? `Edit ${device.name}` : 'New custom device'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        // Esc closes the form here rather than reaching the editor's own Esc (stop placing, end a simulation).
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h4>{device ? `Edit ${device.name}` : 'New custom device'}</h4>
      {field('name', 'Name', undefined, (aria) => (
        <input {...aria} autoFocus value={draft.name} onChange={(e) => set('name', e.target.value)} />
      ))}
      {select('category', 'Category', CATEGORIES, (c) => CATEGORY_NAMES[c])}
      {numberInput('uHeight', 'uHeight', 'Height, U', 1)}
      {quantityInput('weightKg', 'Weight')}

      <fieldset>
        <legend>Power</legend>
        {numberInput(
          'nameplateW',
          'nameplateW',
          'Nameplate (maximum) power, W',
          1,
          'What the electrical checks load circuits with',
        )}
        {numberInput('typicalW', 'typicalW', 'Typical draw under load, W', 1)}
        {numberInput('psuCount', 'psuCount', 'Power supplies installed', 1)}
        {numberInput('psuRedundant', 'psuRedundant', 'Of which spare', 1, 'A 2+2 device has 4 installed, 2 spare')}
      </fieldset>

      <fieldset>
        <legend>Cooling</legend>
        {select('cooling', 'Cooling', COOLINGS, (c) => COOLING_NAMES[c])}
        {draft.cooling === 'liquid'
          ? numberInput(
              'liquidFraction',
              'liquidFraction',
              'Share of heat to liquid, 0–1',
              0.05,
              'The rest heats the room’s air',
            )
          : null}
        {quantityInput('airflowCfm', 'Airflow', 'Blank: derived from the power at the design rise')}
        {select('ashraeClass', 'ASHRAE class', ASHRAE_CLASSES, (c) => c)}
      </fieldset>

      <fieldset>
        <legend>Compute</legend>
        <label className="check">
          <input type="checkbox" checked={draft.hasGpus} onChange={(e) => set('hasGpus', e.target.checked)} />
          Holds GPUs
        </label>
        {draft.hasGpus ? (
          <>
            {numberInput('gpus.count', 'gpuCount', 'GPUs', 1)}
            {field('gpus.model', 'GPU model', undefined, (aria) => (
              <input {...aria} value={draft.gpuModel} onChange={(e) => set('gpuModel', e.target.value)} />
            ))}
            {numberInput(
              'gpus.bf16DenseTflops',
              'bf16DenseTflops',
              'BF16 dense TFLOPS per GPU',
              0.1,
              'Dense, never the sparse figure',
            )}
            {numberInput('gpus.fp8DenseTflops', 'fp8DenseTflops', 'FP8 dense TFLOPS per GPU', 0.1, 'Blank: no FP8')}
          </>
        ) : null}
        {numberInput('hashrateThs', 'hashrateThs', 'Hashrate, TH/s', 0.1, 'Blank: not a miner')}
      </fieldset>

      {field(
        'source',
        'Source of the figures',
        'Datasheet, quote or measurement; shown as an unverified (U) source',
        (aria) => (
          <textarea {...aria} rows={2} value={draft.source} onChange={(e) => set('source', e.target.value)} />
        ),
      )}

      <div className="buttons">
        <button type="submit">{device ? 'Save changes' : 'Add to project'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

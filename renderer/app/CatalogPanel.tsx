/**
 * The equipment catalog: every device the project can place (built-in and the project's own) with
 * its figures and, on demand, the source and confidence of each; the project's custom devices
 * with their form; and "my catalog", the devices the user keeps across projects (loaded from and
 * saved to the host). Project edits are undoable commands; the user catalog is the host's file.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  catalogFor,
  emptyUserCatalog,
  parseUserCatalog,
  plural,
  serializeUserCatalog,
  unitOf,
  type Confidence,
  type CustomDevice,
  type DeviceSpec,
  type HostResult,
  type Source,
  type UserCatalog,
} from '../../shared/index';
import { host } from '../platform/host';
import {
  addCustomDevice,
  deleteCustomDevice,
  importFromUserCatalog,
  keepQuotes,
  mergeIntoUserCatalog,
  removeFromUserCatalog,
  removeQuoteFromUserCatalog,
  sameDevice,
  takeKeptQuotes,
  updateCustomDevice,
  type CustomDeviceFields,
} from '../store/catalogCommands';
import { useEditor } from '../store/editor';
import './catalog.css';
import { CATEGORY_NAMES, COOLING_NAMES, CustomDeviceForm } from './CustomDeviceForm';
import { kW, money, num } from './format';
import { runEdit } from './runEdit';
import { useUnits, type Units } from './units';

const TAG_MEANINGS: Record<Confidence, string> = {
  V: 'Verified: read in the vendor’s or the standard’s own text',
  S: 'Secondary: from a third-party page (reseller, review, news)',
  D: 'Derived: worked out from sourced inputs, working shown',
  U: 'Unverified: an assumption or a user’s figure; verify before relying on it',
};

function Tag({ tag }: { tag: Confidence }) {
  return (
    <abbr className={`catalog-tag tag-${tag}`} title={TAG_MEANINGS[tag]}>
      {tag}
    </abbr>
  );
}

function Legend() {
  return (
    <dl className="catalog-legend" aria-label="Confidence tags">
      {(Object.keys(TAG_MEANINGS) as Confidence[]).map((t) => (
        <div key={t}>
          <dt>
            <Tag tag={t} />
          </dt>
          <dd>{TAG_MEANINGS[t]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The figures a built-in device and a custom one share, for the one-line summary of either. */
type Summarised = Pick<DeviceSpec, 'uHeight' | 'nameplateW' | 'cooling' | 'gpus' | 'hashrateThs'>;

const tflops = (x: number | null) => (x === null ? '—' : num(x, x % 1 === 0 ? 0 : 1));

function Summary({ device }: { device: Summarised }) {
  const { gpus } = device;
  return (
    <span className="catalog-summary">
      <span>{device.uHeight}U</span>
      <span>{kW(device.nameplateW)} nameplate</span>
      <span>{COOLING_NAMES[device.cooling]}</span>
      {gpus ? (
        <span>
          {gpus.count} × {gpus.model} · {tflops(gpus.bf16DenseTflops)} / {tflops(gpus.fp8DenseTflops)} TFLOPS BF16 / FP8
          dense per GPU
        </span>
      ) : null}
      {device.hashrateThs !== null ? <span>{num(device.hashrateThs, 0)} TH/s</span> : null}
    </span>
  );
}

type Figure = keyof DeviceSpec['sources'];

/** A catalog airflow is kept in CFM, as datasheets give it; the display's base is m³/h. */
const cfmToM3h = (cfm: number) => unitOf('airflow', 'imperial').toSi(cfm);

/**
 * Each sourced figure: its name and its value on this device, or null where it does not apply.
 * Figures with a unit show in the project's units, then in the other system, so the datasheet's
 * own number is there to check against its source.
 */
const FIGURES: readonly { key: Figure; name: string; value: (d: DeviceSpec, u: Units) => string | null }[] = [
  { key: 'power', name: 'Nameplate power', value: (d) => kW(d.nameplateW) },
  { key: 'typical', name: 'Typical draw', value: (d) => kW(d.typicalW) },
  { key: 'psu', name: 'Power supplies', value: (d) => `${d.psu.count} (${d.psu.redundant} spare)` },
  {
    key: 'heat',
    name: 'Heat output',
    value: (d) => (d.heatOutputBtuH === null ? null : `${num(d.heatOutputBtuH, 0)} BTU/h`),
  },
  {
    key: 'thermal',
    name: 'Thermal',
    value: (d, u) =>
      `class ${d.ashraeClass}${d.inletMaxC === null ? '' : `, inlet ≤ ${u.dual(d.inletMaxC, 'temperature')}`}${
        d.cooling === 'liquid' ? `, ${Math.round(d.liquidFraction * 100)} % of heat to liquid` : ''
      }`,
  },
  { key: 'weight', name: 'Weight', value: (d, u) => u.dual(d.weightKg, 'mass') },
  { key: 'size', name: 'Height', value: (d) => `${d.uHeight}U` },
  {
    key: 'airflow',
    name: 'Airflow',
    value: (d, u) => (d.airflowCfm === null ? null : u.dual(cfmToM3h(d.airflowCfm), 'airflow')),
  },
  {
    key: 'gpus',
    name: 'GPUs',
    value: (d) =>
      d.gpus === null
        ? null
        : `${d.gpus.count} × ${d.gpus.model}, ${tflops(d.gpus.bf16DenseTflops)} BF16 / ${tflops(d.gpus.fp8DenseTflops)} FP8 TFLOPS`,
  },
  {
    key: 'hashrate',
    name: 'Hashrate',
    value: (d) => (d.hashrateThs === null ? null : `${num(d.hashrateThs, 0)} TH/s`),
  },
];

function SourceItem({ name, value, source }: { name: string; value: string; source: Source }) {
  return (
    <li>
      <span className="catalog-figure">{name}</span>
      <span>{value}</span>
      <Tag tag={source.tag} />
      <span className="catalog-ref">{source.ref}</span>
    </li>
  );
}

function Sources({ device, id }: { device: DeviceSpec; id: string }) {
  const units = useUnits();
  const items = FIGURES.flatMap((f) => {
    const source = device.sources[f.key];
    const value = f.value(device, units);
    return source && value !== null ? [{ ...f, value, source }] : [];
  });
  const { price } = device;
  return (
    <div id={id} className="catalog-sources">
      <ul aria-label={`Where the figures of ${device.name} come from`}>
        {items.map((f) => (
          <SourceItem key={f.key} name={f.name} value={f.value} source={f.source} />
        ))}
        {price ? (
          <SourceItem
            name="Indicative price"
            value={money(price.usd, 'USD')}
            source={{ ...price.source, ref: `${price.source.ref} (${price.asOf})` }}
          />
        ) : (
          <li>
            <span className="catalog-figure">Price</span>
            <span className="catalog-ref">No public price found: quote needed (enter one in the BOM tab).</span>
          </li>
        )}
      </ul>
      {device.notes ? <p className="hint">{device.notes}</p> : null}
    </div>
  );
}

function Price({ device }: { device: DeviceSpec }) {
  return device.price ? (
    <span className="catalog-price" data-testid={`catalog-price-${device.id}`} title={device.price.source.ref}>
      {money(device.price.usd, 'USD')} indicative
    </span>
  ) : (
    <span className="catalog-price unpriced" data-testid={`catalog-price-${device.id}`}>
      quote needed
    </span>
  );
}

type LoadedCatalog =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; catalog: UserCatalog };

/** A host call that threw (an IPC failure) rather than reporting its error. */
const failed = (error: string): { ok: false; error: string } => ({ ok: false, error });

function readUserCatalog(result: HostResult<string | null>): LoadedCatalog {
  if (!result.ok) return { status: 'error', error: result.error };
  if (result.value === null) return { status: 'ready', catalog: emptyUserCatalog() };
  const parsed = parseUserCatalog(result.value);
  return parsed.ok ? { status: 'ready', catalog: parsed.catalog } : { status: 'error', error: parsed.error };
}

/** The user catalog as the host holds it, and a way to write a new version of it. */
function useUserCatalog() {
  const [loaded, setLoaded] = useState<LoadedCatalog>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    void host
      .loadUserCatalog()
      .catch((e: unknown) => failed(`Your catalog could not be read: ${String(e)}`))
      .then((result) => live && setLoaded(readUserCatalog(result)));
    return () => {
      live = false;
    };
  }, []);
  const save = async (next: UserCatalog, done: string) => {
    const { notify } = useEditor.getState();
    setSaving(true);
    const result = await host
      .saveUserCatalog(serializeUserCatalog(next))
      .catch((e: unknown) => failed(`Your catalog could not be saved: ${String(e)}`));
    setSaving(false);
    if (!result.ok) return notify({ kind: 'error', text: result.error, details: [] });
    setLoaded({ status: 'ready', catalog: next });
    notify({ kind: 'info', text: done, details: [] });
  };
  return { loaded, saving, save };
}

type UserCatalogApi = ReturnType<typeof useUserCatalog>;

function SaveToMyCatalog({ device, api }: { device: CustomDevice; api: UserCatalogApi }) {
  const { loaded, saving, save } = api;
  if (loaded.status !== 'ready')
    return (
      <button disabled title="Your catalog is not available" aria-label={`Save to my catalog: ${device.name}`}>
        Save to my catalog
      </button>
    );
  const kept = loaded.catalog.devices.find((c) => c.id === device.id);
  if (kept && sameDevice(kept, device)) return <span className="hint">in my catalog</span>;
  const label = kept ? 'Update in my catalog' : 'Save to my catalog';
  return (
    <button
      disabled={saving}
      aria-label={`${label}: ${device.name}`}
      title={kept ? 'Replaces the copy in your catalog with this one' : 'Keep this device for other projects'}
      onClick={() => void save(mergeIntoUserCatalog(loaded.catalog, device), `${device.name} saved to your catalog.`)}
    >
      {label}
    </button>
  );
}

type FormState = { mode: 'add' } | { mode: 'edit'; id: string } | null;

function DeviceItem(props: {
  device: DeviceSpec;
  custom: CustomDevice | undefined;
  editing: boolean;
  setForm: (form: FormState) => void;
  api: UserCatalogApi;
}) {
  const { device, custom, editing, setForm, api } = props;
  const [open, setOpen] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const sourcesId = `catalog-sources-${device.id}`;
  // Closing the form hands the keyboard back to the button that opened it.
  const closeEdit = () => {
    setForm(null);
    editButton.current?.focus();
  };
  const saveEdit = (fields: CustomDeviceFields) => {
    if (runEdit(updateCustomDevice(useEditor.getState().doc, device.id, fields))) closeEdit();
  };
  return (
    <li className="catalog-device" data-testid={`catalog-device-${device.id}`}>
      <div className="catalog-device-head">
        <strong>{device.name}</strong>
        {custom ? <span className="catalog-chip">custom</span> : <span className="hint">{device.vendor}</span>}
        <Price device={device} />
      </div>
      <Summary device={device} />
      <div className="catalog-actions">
        <button
          aria-expanded={open}
          aria-controls={sourcesId}
          aria-label={`Sources of ${device.name}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide sources' : 'Sources'}
        </button>
        {custom ? (
          <>
            <button
              ref={editButton}
              aria-label={`Edit ${device.name}`}
              aria-expanded={editing}
              onClick={() => (editing ? closeEdit() : setForm({ mode: 'edit', id: device.id }))}
            >
              Edit
            </button>
            <button
              aria-label={`Delete ${device.name}`}
              onClick={() => runEdit(deleteCustomDevice(useEditor.getState().doc, device.id))}
            >
              Delete
            </button>
            <SaveToMyCatalog device={custom} api={api} />
          </>
        ) : null}
      </div>
      {open ? <Sources device={device} id={sourcesId} /> : null}
      {editing && custom ? <CustomDeviceForm device={custom} onSave={saveEdit} onCancel={closeEdit} /> : null}
    </li>
  );
}

const ALL = 'all';

function DeviceList({ api }: { api: UserCatalogApi }) {
  const customDevices = useEditor((s) => s.doc.customDevices);
  const devices = useMemo(() => catalogFor({ customDevices }).devices(), [customDevices]);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>(ALL);
  const [form, setForm] = useState<FormState>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const adding = form?.mode === 'add';
  const closeAdd = () => {
    setForm(null);
    addButton.current?.focus();
  };
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = devices.filter((d) => {
    if (category !== ALL && d.category !== category) return false;
    const haystack = `${d.name} ${d.vendor} ${d.id} ${d.gpus?.model ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const categories = [...new Set(devices.map((d) => d.category))];
  const add = (fields: CustomDeviceFields) => {
    const avoid = api.loaded.status === 'ready' ? api.loaded.catalog.devices.map((c) => c.id) : [];
    if (runEdit(addCustomDevice(useEditor.getState().doc, fields, avoid))) closeAdd();
  };
  return (
    <>
      <div className="catalog-filters" role="search">
        <input
          type="search"
          aria-label="Filter devices"
          placeholder="Filter: name, vendor, GPU…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value={ALL}>All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      <button ref={addButton} aria-expanded={adding} onClick={() => (adding ? closeAdd() : setForm({ mode: 'add' }))}>
        Add custom device
      </button>
      {adding ? <CustomDeviceForm device={null} onSave={add} onCancel={closeAdd} /> : null}
      <p className="hint" aria-live="polite">
        {shown.length === devices.length ? `${devices.length} devices` : `${shown.length} of ${devices.length} devices`}
      </p>
      <ul className="catalog-list">
        {shown.map((d) => (
          <DeviceItem
            key={d.id}
            device={d}
            custom={customDevices.find((c) => c.id === d.id)}
            editing={form?.mode === 'edit' && form.id === d.id}
            setForm={setForm}
            api={api}
          />
        ))}
      </ul>
    </>
  );
}

function MyCatalog({ api }: { api: UserCatalogApi }) {
  const customDevices = useEditor((s) => s.doc.customDevices);
  const { loaded, saving, save } = api;
  const where =
    host.host === 'electron' ? 'user-catalog.json in the app’s data folder' : 'this browser’s local storage';
  return (
    <section className="catalog-mine" data-testid="user-catalog" aria-label="My catalog">
      <h3>My catalog</h3>
      <p className="hint">Devices you keep for every project, stored in {where}.</p>
      {loaded.status === 'loading' ? <p className="hint">Loading your catalog…</p> : null}
      {loaded.status === 'error' ? (
        <div className="notice error" role="alert" data-testid="user-catalog-error">
          <p>{loaded.error}</p>
          <button
            disabled={saving}
            title="Discards the unreadable catalog"
            onClick={() => void save(emptyUserCatalog(), 'Started a new, empty catalog.')}
          >
            Start a new catalog
          </button>
        </div>
      ) : null}
      {loaded.status === 'ready' && loaded.catalog.devices.length === 0 ? (
        <p className="hint">Empty: use “Save to my catalog” on a custom device above.</p>
      ) : null}
      {loaded.status === 'ready' ? (
        <ul className="catalog-list">
          {loaded.catalog.devices.map((c) => {
            const inProject = customDevices.find((p) => p.id === c.id);
            return (
              <li key={c.id} className="catalog-device" data-testid={`user-catalog-device-${c.id}`}>
                <div className="catalog-device-head">
                  <strong>{c.name}</strong>
                  <span className="hint">{CATEGORY_NAMES[c.category]}</span>
                </div>
                <Summary device={c} />
                {c.source ? <p className="hint catalog-ref">Source (U): {c.source}</p> : null}
                <div className="catalog-actions">
                  {inProject === undefined ? (
                    <button
                      aria-label={`Add to project: ${c.name}`}
                      onClick={() => runEdit(importFromUserCatalog(useEditor.getState().doc, loaded.catalog, [c.id]))}
                    >
                      Add to project
                    </button>
                  ) : sameDevice(inProject, c) ? (
                    <span className="hint">in the project</span>
                  ) : (
                    <span className="hint">the project holds a different version</span>
                  )}
                  <button
                    disabled={saving}
                    aria-label={`Remove from my catalog: ${c.name}`}
                    onClick={() =>
                      void save(removeFromUserCatalog(loaded.catalog, c.id), `${c.name} removed from your catalog.`)
                    }
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {loaded.status === 'ready' ? <KeptQuotes catalog={loaded.catalog} api={api} /> : null}
    </section>
  );
}

/** Quotes kept across projects, each in the currency it was given in. */
function KeptQuotes({ catalog, api }: { catalog: UserCatalog; api: UserCatalogApi }) {
  const doc = useEditor((s) => s.doc);
  const { saving, save } = api;
  return (
    <div className="catalog-quotes" data-testid="user-catalog-quotes">
      <h4>Quotes</h4>
      <p className="hint">
        Prices your suppliers gave you, kept for other projects in their currency (BOM tab: quote a line first).
      </p>
      {catalog.quotes.length > 0 ? (
        <ul className="catalog-list">
          {catalog.quotes.map((q) => (
            <li key={q.itemKey}>
              <code>{q.itemKey}</code> {q.unitPrice.toLocaleString('en-US')} {q.currency} · {q.source} · {q.date}{' '}
              <button
                disabled={saving}
                aria-label={`Remove the kept quote for ${q.itemKey}`}
                onClick={() =>
                  void save(removeQuoteFromUserCatalog(catalog, q.itemKey), `Quote for ${q.itemKey} removed.`)
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="catalog-actions">
        <button
          disabled={saving || doc.quotes.length === 0}
          onClick={() =>
            void save(keepQuotes(catalog, doc), `${plural(doc.quotes.length, 'quote')} kept in your catalog.`)
          }
        >
          Keep this project&apos;s quotes ({doc.quotes.length})
        </button>
        <button disabled={catalog.quotes.length === 0} onClick={() => runEdit(takeKeptQuotes(doc, catalog))}>
          Use kept quotes where this project has none
        </button>
      </div>
    </div>
  );
}

export function CatalogPanel() {
  const api = useUserCatalog();
  return (
    <section className="catalog-panel" aria-label="Catalog" data-testid="catalog-panel">
      <h3>Devices</h3>
      <Legend />
      <DeviceList api={api} />
      <MyCatalog api={api} />
    </section>
  );
}

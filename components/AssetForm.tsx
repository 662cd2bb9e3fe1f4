import { useEffect, useRef, useState } from 'preact/hooks';
import { ASSET_FIELDS, checkAsset, normaliseAsset } from '@/lib/asset-rules';
import { categories } from '@/lib/categories';
import { COST_LABELS, DELIVERY_LABELS, REFERRAL_LABELS } from '@/lib/format';
import { type Asset, COSTS, DELIVERIES, type Issue, REFERRALS, UNCATEGORISED } from '@/lib/types';

/**
 * Add or edit one directory entry. Validation is `checkAsset`, the same rules imports use, shown the
 * GOV.UK way: an error summary at the top linking to each field, and the message next to the field.
 */

type TextField =
  | 'name'
  | 'organisation'
  | 'description'
  | 'keywords'
  | 'phone'
  | 'email'
  | 'website'
  | 'address'
  | 'postcode'
  | 'area'
  | 'openingTimes'
  | 'minAge'
  | 'maxAge'
  | 'eligibility'
  | 'accessibility'
  | 'languages'
  | 'waitingWeeks'
  | 'lastVerified';

export interface AssetFormValues extends Record<TextField, string> {
  cost: string;
  referral: string;
  status: string;
  categories: string[];
  delivery: string[];
}

export interface AssetFormProps {
  /** The asset being edited; absent when adding a new one. */
  asset?: Asset;
  /** Whether an id is already taken (a new asset must not overwrite another). */
  idTaken: (id: string) => boolean;
  today: string;
  onSave(asset: Asset): Promise<void>;
  onDelete?(): Promise<void>;
  onCancel(): void;
}

const listText = (items?: string[]) => (items ?? []).join('; ');
const numText = (n?: number) => (n === undefined ? '' : String(n));

export function valuesFromAsset(asset?: Asset): AssetFormValues {
  return {
    name: asset?.name ?? '',
    organisation: asset?.organisation ?? '',
    description: asset?.description ?? '',
    keywords: listText(asset?.keywords),
    phone: asset?.phone ?? '',
    email: asset?.email ?? '',
    website: asset?.website ?? '',
    address: asset?.address ?? '',
    postcode: asset?.postcode ?? '',
    area: asset?.area ?? '',
    openingTimes: asset?.openingTimes ?? '',
    minAge: numText(asset?.minAge),
    maxAge: numText(asset?.maxAge),
    eligibility: asset?.eligibility ?? '',
    accessibility: asset?.accessibility ?? '',
    languages: listText(asset?.languages),
    waitingWeeks: numText(asset?.waitingWeeks),
    lastVerified: asset?.lastVerified ?? '',
    cost: asset?.cost ?? '',
    referral: asset?.referral ?? '',
    status: asset?.status ?? 'active',
    categories: asset?.categories ?? [],
    delivery: asset?.delivery ?? [],
  };
}

/** Form values → a candidate asset (not yet checked). Keeps the id and source of the asset being edited. */
export function assetFromValues(values: AssetFormValues, original?: Asset): Partial<Asset> {
  const raw: Record<string, unknown> = { ...values };
  for (const key of ['cost', 'referral'] as const) if (values[key] === '') delete raw[key];
  if (original) raw.id = original.id;
  raw.source = original?.source ?? 'manual';
  return normaliseAsset(raw);
}

export interface FormCheck {
  asset: Partial<Asset>;
  issues: Issue[];
}

export function checkForm(values: AssetFormValues, original: Asset | undefined, idTaken: (id: string) => boolean) {
  const asset = assetFromValues(values, original);
  const issues = checkAsset(asset);
  // A new asset's id comes from its name and organisation; the same pair again would overwrite.
  if (!original && asset.id && idTaken(asset.id) && !issues.some((i) => i.field === 'name'))
    issues.push({
      field: 'name',
      message: 'an asset with this name and organisation is already in the directory: edit that one instead',
    });
  return { asset, issues };
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

// The form follows the export order, with the id (rarely edited) last.
const FIELD_ORDER: string[] = [...ASSET_FIELDS.filter((f) => f !== 'id' && f !== 'source'), 'id'];

/** The element the error summary links to for a field. */
export function fieldTarget(field: string | undefined): string {
  if (field === 'categories') return `asset-categories-${categories[0].id}`;
  if (field === 'delivery') return `asset-delivery-${DELIVERIES[0]}`;
  if (field === 'cost' || field === 'referral') return `asset-${field}`;
  if (field === 'status') return 'asset-status-active';
  if (!field || field === 'id' || field === 'source') return 'asset-name';
  return `asset-${field}`;
}

export function AssetForm({ asset, idTaken, today, onSave, onDelete, onCancel }: AssetFormProps) {
  const [values, setValues] = useState<AssetFormValues>(() => valuesFromAsset(asset));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirmDelete) confirmHeading.current?.focus();
  }, [confirmDelete]);

  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.field ?? 'name';
    byField.set(key, [...(byField.get(key) ?? []), sentence(issue.message)]);
  }
  const ordered = [...issues].sort(
    (a, b) => FIELD_ORDER.indexOf(a.field ?? 'name') - FIELD_ORDER.indexOf(b.field ?? 'name'),
  );

  const set = (field: keyof AssetFormValues) => (e: Event) =>
    setValues((v) => ({ ...v, [field]: (e.currentTarget as HTMLInputElement).value }));
  const toggle = (field: 'categories' | 'delivery', value: string) => (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    setValues((v) => ({
      ...v,
      [field]: on ? [...v[field].filter((x) => x !== value), value] : v[field].filter((x) => x !== value),
    }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    const checked = checkForm(values, asset, idTaken);
    setIssues(checked.issues);
    if (checked.issues.length) {
      // Wait for the summary to render before moving focus to it.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    try {
      await onSave(checked.asset as Asset);
    } catch (err) {
      setFailure(`The asset was not saved: ${err instanceof Error ? err.message : String(err)}`);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const errorFor = (field: string) => {
    const messages = byField.get(field);
    if (!messages) return null;
    return (
      <p class="error-message" id={`asset-${field}-error`}>
        <span class="visually-hidden">Error: </span>
        {messages.join('. ')}
      </p>
    );
  };
  const described = (field: string, hint = false) =>
    [hint ? `asset-${field}-hint` : '', byField.has(field) ? `asset-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  const text = (
    field: TextField,
    label: string,
    options: {
      hint?: string;
      multiline?: boolean;
      type?: 'text' | 'tel' | 'email';
      inputMode?: 'numeric';
      autocomplete?: string;
    } = {},
  ) => (
    <div class={`form-group${byField.has(field) ? ' form-group--error' : ''}`}>
      <label for={`asset-${field}`}>{label}</label>
      {options.hint && (
        <p class="hint" id={`asset-${field}-hint`}>
          {options.hint}
        </p>
      )}
      {errorFor(field)}
      {options.multiline ? (
        <textarea
          id={`asset-${field}`}
          name={field}
          rows={3}
          value={values[field]}
          onInput={set(field)}
          aria-describedby={described(field, !!options.hint)}
          aria-invalid={byField.has(field) || undefined}
        />
      ) : (
        <input
          id={`asset-${field}`}
          name={field}
          type={(options.type ?? 'text') as 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autocomplete ?? 'off'}
          spellcheck={false}
          value={values[field]}
          onInput={set(field)}
          aria-describedby={described(field, !!options.hint)}
          aria-invalid={byField.has(field) || undefined}
        />
      )}
    </div>
  );

  const isFeedAsset = !!asset?.source && /^https:/.test(asset.source);
  const showUncategorised = values.categories.includes(UNCATEGORISED);

  return (
    <section class="asset-form" aria-labelledby="asset-form-heading">
      <h2 id="asset-form-heading" tabIndex={-1} ref={heading}>
        {asset ? `Edit ${asset.name}` : 'Add an asset'}
      </h2>
      {isFeedAsset && (
        <p class="notice">
          This asset comes from the directory feed. Changes made here are replaced the next time the feed is fetched.
        </p>
      )}
      {(issues.length > 0 || failure) && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="asset-error-summary-title">
          <h2 id="asset-error-summary-title">There is a problem</h2>
          {failure && <p>{failure}</p>}
          {ordered.length > 0 && (
            <ul>
              {ordered.map((issue) => (
                <li key={`${issue.field}-${issue.message}`}>
                  <a
                    href={`#${fieldTarget(issue.field)}`}
                    onClick={(e) => {
                      // Focus the field without changing the page address (the dashboard uses it for tabs).
                      e.preventDefault();
                      const el = document.getElementById(fieldTarget(issue.field));
                      el?.focus();
                      el?.scrollIntoView?.({ block: 'center' });
                    }}
                  >
                    {sentence(issue.message)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>About the service</legend>
          {text('name', 'Name')}
          {text('organisation', 'Organisation (optional)', {
            hint: 'The charity, council team or group that runs it.',
          })}
          {text('description', 'Description (optional)', { multiline: true })}
          <fieldset
            class={`form-group checkboxes${byField.has('categories') ? ' form-group--error' : ''}`}
            aria-describedby={described('categories', true)}
          >
            <legend>Needs it helps with</legend>
            <p class="hint" id="asset-categories-hint">
              Choose at least one. Receptionists find the asset under these needs.
            </p>
            {errorFor('categories')}
            <div class="checkbox-columns">
              {categories.map((c) => (
                <label class="inline" key={c.id}>
                  <input
                    type="checkbox"
                    id={`asset-categories-${c.id}`}
                    name="categories"
                    value={c.id}
                    checked={values.categories.includes(c.id)}
                    onChange={toggle('categories', c.id)}
                  />
                  {c.label}
                </label>
              ))}
              {showUncategorised && (
                <label class="inline">
                  <input
                    type="checkbox"
                    id={`asset-categories-${UNCATEGORISED}`}
                    name="categories"
                    value={UNCATEGORISED}
                    checked
                    onChange={toggle('categories', UNCATEGORISED)}
                  />
                  Uncategorised (untick once you have chosen a need)
                </label>
              )}
            </div>
          </fieldset>
          {text('keywords', 'Extra search words (optional)', {
            hint: 'Separate with semicolons, for example: befriending; coffee morning',
          })}
        </fieldset>

        <fieldset>
          <legend>How to get in touch</legend>
          <p class="hint">Give at least one of phone, email, website or address.</p>
          {text('phone', 'Phone', { type: 'tel' })}
          {text('email', 'Email', { type: 'email' })}
          {text('website', 'Website', { hint: 'For example https://www.example.org' })}
          {text('address', 'Address', { multiline: true })}
          {text('postcode', 'Postcode')}
          {text('area', 'Area served (optional)')}
          {text('openingTimes', 'Opening times (optional)', { hint: 'For example: Tuesdays 10am to 12pm' })}
        </fieldset>

        <fieldset>
          <legend>Who it is for and how to get in</legend>
          <div class={`form-group${byField.has('cost') ? ' form-group--error' : ''}`}>
            <label for="asset-cost">Cost</label>
            {errorFor('cost')}
            <select id="asset-cost" value={values.cost} onChange={set('cost')} aria-describedby={described('cost')}>
              <option value="">Not known</option>
              {COSTS.map((c) => (
                <option key={c} value={c}>
                  {COST_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div class={`form-group${byField.has('referral') ? ' form-group--error' : ''}`}>
            <label for="asset-referral">How a patient gets in</label>
            {errorFor('referral')}
            <select
              id="asset-referral"
              value={values.referral}
              onChange={set('referral')}
              aria-describedby={described('referral')}
            >
              <option value="">Not known</option>
              {REFERRALS.map((r) => (
                <option key={r} value={r}>
                  {REFERRAL_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="form-row">
            {text('minAge', 'Minimum age (optional)', { inputMode: 'numeric' })}
            {text('maxAge', 'Maximum age (optional)', { inputMode: 'numeric' })}
          </div>
          {text('eligibility', 'Who can use it (optional)', { multiline: true })}
          {text('accessibility', 'Accessibility (optional)', { multiline: true })}
          {text('languages', 'Languages (optional)', {
            hint: 'Separate with semicolons, for example: English; Polish',
          })}
          <fieldset
            class={`form-group checkboxes${byField.has('delivery') ? ' form-group--error' : ''}`}
            aria-describedby={described('delivery')}
          >
            <legend>How it is offered (optional)</legend>
            {errorFor('delivery')}
            {DELIVERIES.map((d) => (
              <label class="inline" key={d}>
                <input
                  type="checkbox"
                  id={`asset-delivery-${d}`}
                  name="delivery"
                  value={d}
                  checked={values.delivery.includes(d)}
                  onChange={toggle('delivery', d)}
                />
                {DELIVERY_LABELS[d]}
              </label>
            ))}
          </fieldset>
          {text('waitingWeeks', 'Waiting time in weeks (optional)', {
            inputMode: 'numeric',
            hint: '0 means no waiting list.',
          })}
        </fieldset>

        <fieldset>
          <legend>Checking and status</legend>
          <div class={`form-group${byField.has('lastVerified') ? ' form-group--error' : ''}`}>
            <label for="asset-lastVerified">Last verified</label>
            <p class="hint" id="asset-lastVerified-hint">
              The date someone last checked these details with the service, as YYYY-MM-DD.
            </p>
            {errorFor('lastVerified')}
            <div class="input-with-button">
              <input
                id="asset-lastVerified"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.lastVerified}
                onInput={set('lastVerified')}
                aria-describedby={described('lastVerified', true)}
                aria-invalid={byField.has('lastVerified') || undefined}
              />
              <button type="button" onClick={() => setValues((v) => ({ ...v, lastVerified: today }))}>
                Mark verified today
              </button>
            </div>
          </div>
          <fieldset class="form-group">
            <legend>Status</legend>
            <label class="inline">
              <input
                type="radio"
                id="asset-status-active"
                name="status"
                value="active"
                checked={values.status === 'active'}
                onChange={set('status')}
              />
              Active: offered to patients
            </label>
            <label class="inline">
              <input
                type="radio"
                id="asset-status-inactive"
                name="status"
                value="inactive"
                checked={values.status === 'inactive'}
                onChange={set('status')}
              />
              Inactive: kept, but never offered
            </label>
          </fieldset>
        </fieldset>

        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            {asset ? 'Save changes' : 'Add asset'}
          </button>
          <button type="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
          {asset && onDelete && !confirmDelete && (
            <button type="button" class="warning push-right" onClick={() => setConfirmDelete(true)} disabled={saving}>
              Delete asset
            </button>
          )}
        </div>
      </form>

      {asset && onDelete && confirmDelete && (
        <section class="confirm problem" aria-labelledby="asset-delete-heading">
          <h3 id="asset-delete-heading" tabIndex={-1} ref={confirmHeading}>
            Delete {asset.name}?
          </h3>
          <p>
            This removes it from the directory for everyone at the practice and cannot be undone. To stop offering it
            but keep the details, make it inactive instead.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="warning"
              disabled={saving}
              onClick={async () => {
                setSaving(true);
                setFailure(null);
                try {
                  await onDelete();
                } catch (err) {
                  setFailure(`The asset was not deleted: ${err instanceof Error ? err.message : String(err)}`);
                  setConfirmDelete(false);
                  requestAnimationFrame(() => summary.current?.focus());
                } finally {
                  setSaving(false);
                }
              }}
            >
              Yes, delete it
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)} disabled={saving}>
              No, keep it
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

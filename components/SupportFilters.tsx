import { categories } from '@/lib/categories';
import { DELIVERY_LABELS } from '@/lib/format';
import { DELIVERIES, type Delivery } from '@/lib/types';
import type { FilterState } from './SupportFinder';

export interface SupportFiltersProps {
  value: FilterState;
  onChange(value: FilterState): void;
}

/** Filters collapse behind a disclosure so the results stay visible in a narrow panel. */
export function SupportFilters({ value, onChange }: SupportFiltersProps) {
  const active = Number(value.freeOnly) + Number(value.selfOnly) + value.delivery.length + (value.age.trim() ? 1 : 0);
  const toggleDelivery = (d: Delivery) =>
    onChange({
      ...value,
      delivery: value.delivery.includes(d) ? value.delivery.filter((x) => x !== d) : [...value.delivery, d],
    });
  return (
    <details class="filters">
      <summary>Filters{active ? ` (${active} on)` : ''}</summary>
      <fieldset>
        <legend class="visually-hidden">Filter results</legend>
        <div class="need-filter">
          <label for="filter-need">Add a need</label>
          <select
            id="filter-need"
            value=""
            onChange={(e) => {
              const id = (e.target as HTMLSelectElement).value;
              if (id && !value.categories.includes(id)) onChange({ ...value, categories: [...value.categories, id] });
            }}
          >
            <option value="">Choose a need…</option>
            {categories
              .filter((c) => !value.categories.includes(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </select>
        </div>
        <label class="inline">
          <input
            type="checkbox"
            checked={value.freeOnly}
            onChange={() => onChange({ ...value, freeOnly: !value.freeOnly })}
          />
          Free only
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={value.selfOnly}
            onChange={() => onChange({ ...value, selfOnly: !value.selfOnly })}
          />
          Self-referral only
        </label>
        {DELIVERIES.map((d) => (
          <label class="inline" key={d}>
            <input type="checkbox" checked={value.delivery.includes(d)} onChange={() => toggleDelivery(d)} />
            {DELIVERY_LABELS[d]}
          </label>
        ))}
        <div class="age-filter">
          <label for="filter-age">Patient's age</label>
          <input
            id="filter-age"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            value={value.age}
            onInput={(e) => onChange({ ...value, age: (e.target as HTMLInputElement).value })}
          />
        </div>
      </fieldset>
    </details>
  );
}

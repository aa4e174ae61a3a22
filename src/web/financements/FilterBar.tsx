/**
 * Filters of a list page: labelled selects (« Toutes » = no filter) and a search field, applied on
 * change (selects) or on submit (search), so that the address always says what is shown.
 */
import { type FormEvent, useId, useState } from 'react';

export type Filter =
  | { name: string; label: string; options: { value: string; label: string }[]; search?: false }
  | { name: string; label: string; search: true; options?: undefined };

/** The options of a select from a vocabulary list (`code`, `label`). */
export const options = (list: readonly { code: string; label: string }[]) =>
  list.map((x) => ({ value: x.code, label: x.label }));

export function FilterBar({
  legend,
  fields,
  values,
  onChange,
}: {
  legend: string;
  fields: Filter[];
  values: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const id = useId();
  const [text, setText] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...values, ...text });
  };
  return (
    <form onSubmit={submit} className="fr-mb-3w" aria-label={legend}>
      <fieldset className="fr-fieldset fr-mb-0">
        <legend className="fr-fieldset__legend fr-text--md">{legend}</legend>
        <div className="pilote-filters">
          {fields.map((f) =>
            f.search ? (
              <div key={f.name} className="fr-input-group">
                <label className="fr-label" htmlFor={`${id}-${f.name}`}>
                  {f.label}
                </label>
                <div className="fr-search-bar">
                  <input
                    id={`${id}-${f.name}`}
                    className="fr-input"
                    type="search"
                    value={text[f.name] ?? values[f.name] ?? ''}
                    onChange={(e) => setText({ ...text, [f.name]: e.target.value })}
                  />
                  <button type="submit" className="fr-btn" title="Rechercher">
                    Rechercher
                  </button>
                </div>
              </div>
            ) : (
              <div key={f.name} className="fr-select-group">
                <label className="fr-label" htmlFor={`${id}-${f.name}`}>
                  {f.label}
                </label>
                <select
                  id={`${id}-${f.name}`}
                  className="fr-select"
                  value={values[f.name] ?? ''}
                  onChange={(e) => onChange({ ...values, ...text, [f.name]: e.target.value })}
                >
                  <option value="">Tous</option>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            ),
          )}
        </div>
      </fieldset>
    </form>
  );
}

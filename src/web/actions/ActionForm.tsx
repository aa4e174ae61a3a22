import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { AXES, STATUTS, THEMATIQUES } from '../../domain/actions/vocabulary';
import { api } from '../platform/api';
import { formatDateTime, formatValue } from './format';
import { ScrollTable } from './ScrollTable';
import { DetailedApiError, send } from './session';
import type { ActionSheet, ConflictChange } from './types';

// The edit form of an action sheet. Only the fields the person changed are sent, with the version
// they started from; on a conflict (409) the other person's changes are shown and, for each field
// both changed, the person chooses which value to keep before saving again on the new version.

type Values = {
  intitule: string;
  description: string;
  axe: string;
  thematiques: string[];
  statut: string;
  porteur: string;
  partenaires: string;
  budgetPrevisionnel: string;
  financementsObtenus: string;
  dateDebut: string;
  dateFin: string;
  filiere: string;
  etiquettes: string;
  referenceExterne: string;
};
type Key = keyof Values;

const LABELS: Record<Key, string> = {
  intitule: 'Intitulé',
  description: 'Description',
  axe: 'Axe',
  thematiques: 'Thématiques',
  statut: 'Statut',
  porteur: 'Porteur',
  partenaires: 'Partenaires',
  budgetPrevisionnel: 'Budget prévisionnel (€)',
  financementsObtenus: 'Financements obtenus (€)',
  dateDebut: 'Date de début',
  dateFin: 'Date de fin',
  filiere: 'Filière',
  etiquettes: 'Étiquettes',
  referenceExterne: 'Référence externe',
};

const list = (v: string[]) => v.join('; ');
const amount = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

function valuesOf(a: ActionSheet): Values {
  return {
    intitule: a.intitule,
    description: a.description ?? '',
    axe: a.axe,
    thematiques: a.thematiques,
    statut: a.statut ?? '',
    porteur: a.porteur ?? '',
    partenaires: list(a.partenaires),
    budgetPrevisionnel: amount(a.budgetPrevisionnel),
    financementsObtenus: amount(a.financementsObtenus),
    dateDebut: a.dateDebut ?? '',
    dateFin: a.dateFin ?? '',
    filiere: a.filiere ?? '',
    etiquettes: list(a.etiquettes),
    referenceExterne: a.referenceExterne ?? '',
  };
}

/** The API value of a form field; undefined when the text is not a valid amount (reported locally). */
function apiValue(key: Key, v: Values): unknown {
  const value = v[key];
  if (key === 'thematiques') return value;
  const text = String(value).trim();
  if (key === 'partenaires' || key === 'etiquettes')
    return text
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if (key === 'budgetPrevisionnel' || key === 'financementsObtenus') {
    if (text === '') return null;
    const n = Number(text.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  if (key === 'statut') return text === '' ? null : text;
  if (key === 'intitule' || key === 'axe') return text;
  return text === '' ? null : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function ActionForm({
  sheet,
  onSaved,
  onCancel,
}: {
  sheet: ActionSheet;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [base, setBase] = useState(sheet);
  const [values, setValues] = useState<Values>(() => valuesOf(sheet));
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    current: ActionSheet;
    text: string;
  } | null>(null);
  const [choices, setChoices] = useState<Partial<Record<Key, 'mine' | 'theirs'>>>({});
  const [saving, setSaving] = useState(false);

  const set = (key: Key, value: Values[Key]) => setValues((v) => ({ ...v, [key]: value }));
  const original = valuesOf(base);
  const changed = (Object.keys(LABELS) as Key[]).filter(
    (k) => !same(apiValue(k, values), apiValue(k, original)),
  );

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setMessage(null);
    const local: Partial<Record<Key, string>> = {};
    for (const k of changed)
      if (apiValue(k, values) === undefined)
        local[k] = 'montant illisible : un nombre d’euros est attendu, par exemple 1200000 ou 1200000,50';
    if (!values.intitule.trim()) local.intitule = "l'intitulé est obligatoire";
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage('Le formulaire contient des erreurs : corrigez les champs signalés.');
      return;
    }
    const body: Record<string, unknown> = { version: base.version };
    let fields = changed;
    if (conflict) fields = changed.filter((k) => choices[k] !== 'theirs');
    for (const k of fields) body[k] = apiValue(k, values);
    if (fields.length === 0 && !conflict) {
      onSaved();
      return;
    }
    setSaving(true);
    try {
      await send('PATCH', `/api/v1/actions/${sheet.id}`, body);
      setConflict(null);
      onSaved();
    } catch (error) {
      if (
        error instanceof DetailedApiError &&
        error.status === 409 &&
        Array.isArray(error.details.modifications)
      ) {
        const current = await api<ActionSheet>(`/api/v1/actions/${sheet.id}`);
        setConflict({
          changes: error.details.modifications as ConflictChange[],
          current,
          text: error.message,
        });
        setChoices({});
      } else if (error instanceof DetailedApiError && Array.isArray(error.details.erreurs)) {
        const byField: Partial<Record<Key, string>> = {};
        for (const e of error.details.erreurs as { champ: Key; message: string }[])
          byField[e.champ] = e.message;
        setErrors(byField);
        setMessage(error.message);
      } else setMessage((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  /** After a conflict: rebase on the current version, keeping the person's choices. */
  const acceptMerge = async () => {
    if (!conflict) return;
    const theirs = valuesOf(conflict.current);
    const merged = { ...theirs };
    for (const k of changed) if (choices[k] !== 'theirs') (merged as Record<Key, unknown>)[k] = values[k];
    setBase(conflict.current);
    setValues(merged);
    setConflict(null);
    setMessage('Fusion préparée sur la version actuelle : vérifiez puis enregistrez.');
  };

  const err = (k: Key) => (errors[k] ? { state: 'error' as const, stateRelatedMessage: errors[k] } : {});
  const text = (k: Key, props: Record<string, unknown> = {}) => (
    <Input
      label={LABELS[k]}
      {...err(k)}
      nativeInputProps={{
        value: String(values[k]),
        onChange: (e) => set(k, e.target.value),
        name: k,
        ...props,
      }}
    />
  );

  if (conflict) {
    const theirFields = new Set(conflict.changes.map((c) => c.champ));
    const both = changed.filter((k) => theirFields.has(k));
    return (
      <section aria-labelledby="conflit">
        <h2 id="conflit">Modification concurrente</h2>
        <Alert severity="warning" small description={conflict.text} className="fr-mb-3w" />
        <ScrollTable small={false}>
          <caption>Changements enregistrés par d'autres pendant votre saisie</caption>
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">Avant</th>
              <th scope="col">Leur valeur</th>
              <th scope="col">Votre valeur</th>
              <th scope="col">Par, le</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((c) => (
              <tr key={c.champ}>
                <th scope="row">{c.libelle}</th>
                <td>{formatValue(c.champ, c.avant)}</td>
                <td>{formatValue(c.champ, c.apres)}</td>
                <td>
                  {changed.includes(c.champ as Key)
                    ? formatValue(c.champ, apiValue(c.champ as Key, values))
                    : '(inchangée)'}
                </td>
                <td>
                  {c.par ?? 'import'}, {formatDateTime(c.le)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        {both.map((k) => (
          <RadioButtons
            key={k}
            legend={`${LABELS[k]} : quelle valeur garder ?`}
            name={`choix-${k}`}
            options={[
              {
                label: `La vôtre : ${formatValue(k, apiValue(k, values))}`,
                nativeInputProps: {
                  checked: choices[k] !== 'theirs',
                  onChange: () => setChoices({ ...choices, [k]: 'mine' }),
                },
              },
              {
                label: `La leur : ${formatValue(k, apiValue(k, valuesOf(conflict.current)))}`,
                nativeInputProps: {
                  checked: choices[k] === 'theirs',
                  onChange: () => setChoices({ ...choices, [k]: 'theirs' }),
                },
              },
            ]}
          />
        ))}
        <p>
          Vos autres modifications (
          {changed
            .filter((k) => !theirFields.has(k))
            .map((k) => LABELS[k])
            .join(', ') || 'aucune'}
          ) seront conservées.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button onClick={acceptMerge}>Fusionner et vérifier</Button>
          </li>
          <li>
            <Button priority="secondary" onClick={onCancel}>
              Abandonner mes modifications
            </Button>
          </li>
        </ul>
      </section>
    );
  }

  return (
    <form onSubmit={save} noValidate aria-labelledby="modifier">
      <h2 id="modifier">Modifier la fiche</h2>
      {message && <Alert severity="error" small description={message} className="fr-mb-2w" />}
      {text('intitule', { required: true, maxLength: 300 })}
      <Input
        label={LABELS.description}
        textArea
        {...err('description')}
        nativeTextAreaProps={{
          value: values.description,
          onChange: (e) => set('description', e.target.value),
          rows: 5,
          name: 'description',
        }}
      />
      <Select
        label={LABELS.axe}
        {...err('axe')}
        nativeSelectProps={{ value: values.axe, onChange: (e) => set('axe', e.target.value), name: 'axe' }}
      >
        {AXES.map((a) => (
          <option key={a.code} value={a.code}>
            {a.label}
          </option>
        ))}
      </Select>
      <Checkbox
        legend={LABELS.thematiques}
        small
        {...err('thematiques')}
        options={THEMATIQUES.map((t) => ({
          label: t.label,
          nativeInputProps: {
            checked: values.thematiques.includes(t.code),
            onChange: () =>
              set(
                'thematiques',
                values.thematiques.includes(t.code)
                  ? values.thematiques.filter((c) => c !== t.code)
                  : [...values.thematiques, t.code],
              ),
          },
        }))}
      />
      <Select
        label={LABELS.statut}
        {...err('statut')}
        nativeSelectProps={{
          value: values.statut,
          onChange: (e) => set('statut', e.target.value),
          name: 'statut',
        }}
      >
        <option value="">Non renseigné</option>
        {STATUTS.map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </Select>
      {text('porteur')}
      <Input
        label={LABELS.partenaires}
        hintText="Séparés par « ; »"
        {...err('partenaires')}
        nativeInputProps={{
          value: values.partenaires,
          onChange: (e) => set('partenaires', e.target.value),
          name: 'partenaires',
        }}
      />
      {text('budgetPrevisionnel', { inputMode: 'decimal' })}
      {text('financementsObtenus', { inputMode: 'decimal' })}
      {text('dateDebut', { type: 'date' })}
      {text('dateFin', { type: 'date' })}
      {text('filiere')}
      <Input
        label={LABELS.etiquettes}
        hintText="Séparées par « ; »"
        {...err('etiquettes')}
        nativeInputProps={{
          value: values.etiquettes,
          onChange: (e) => set('etiquettes', e.target.value),
          name: 'etiquettes',
        }}
      />
      {text('referenceExterne')}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={saving}>
            {saving ? 'Enregistrement…' : 'Enregistrer'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../platform/usePageTitle';
import { ScrollTable } from './ScrollTable';
import { SignInRequired } from './SignInRequired';
import { canWrite, upload, useMe } from './session';
import type { ImportReport } from './types';
import './actions.css';

const FATE: Record<ImportReport['preview'][number]['fate'], string> = {
  created: 'Création',
  updated: 'Modification',
  unchanged: 'Inchangée',
};

/**
 * Import of an action plan: choose a file, upload it (progress bar) for a dry run, read the preview
 * and every error with its line and column, then confirm. Nothing is written before the confirmation,
 * nor while one error remains.
 */
export default function ImportPage() {
  const [params] = useSearchParams();
  const ti = params.get('ti') ?? undefined;
  const me = useMe();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle("Importer un plan d'action");
  if (me.data && !me.data.connecte) return <SignInRequired />;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setProgress(0);
    try {
      const query = new URLSearchParams({ dryRun: String(dryRun) });
      if (ti) query.set('ti', ti);
      const { data } = await upload<ImportReport>(`/api/v1/actions/import?${query}`, file, setProgress);
      if (dryRun) setReport(data);
      else {
        setDone(data);
        setReport(data.errors.length ? data : null);
        await queryClient.invalidateQueries();
      }
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <h1>Importer un plan d'action</h1>
      <p>
        Fichier CSV (séparateur « ; » ou « , », UTF-8 ou Windows-1252) ou classeur Excel (.xlsx), 10 Mo au
        plus. Les en-têtes de l'export de Pilote TI et leurs variantes usuelles sont reconnus (« Intitulé » ou
        « Titre », « Statut » ou « Avancement »…).{' '}
        {ti
          ? `Les lignes sans territoire sont rattachées au territoire ${ti}.`
          : 'Une colonne « Territoire » (nom ou identifiant) indique le territoire de chaque ligne.'}{' '}
        L'import est tout ou rien : rien n'est enregistré tant qu'une erreur subsiste, et réimporter le même
        fichier ne change rien.
      </p>
      {me.data?.connecte && !canWrite(me.data, ti) && (
        <Alert
          severity="warning"
          small
          description="Votre rôle ne permet pas d'importer de plan d'action."
          className="fr-mb-2w"
        />
      )}
      <Upload
        label="Fichier du plan d'action"
        hint="Formats acceptés : .csv, .xlsx — 10 Mo au plus"
        nativeInputProps={{
          accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          onChange: (e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setDone(null);
          },
        }}
      />
      <Button
        className="fr-mt-2w"
        disabled={!file || progress !== null}
        onClick={() => run(true)}
        iconId="fr-icon-eye-line"
      >
        Vérifier le fichier (aperçu)
      </Button>
      {progress !== null && (
        <div className="fr-mt-2w">
          <label htmlFor="progression-import">Envoi du fichier et vérification</label>
          <progress id="progression-import" max={1} value={progress} className="pilote-progress">
            {Math.round(progress * 100)} %
          </progress>
        </div>
      )}
      {failure && (
        <Alert severity="error" title="Fichier refusé" description={failure} className="fr-mt-2w" />
      )}
      {done && !done.errors.length && (
        <Alert
          severity="success"
          title="Import effectué"
          description={
            <>
              {done.message} {ti && <Link to={`/territoires/${ti}/actions`}>Voir le plan d'action</Link>}
            </>
          }
          className="fr-mt-2w"
        />
      )}
      {report && <Preview report={report} onConfirm={() => run(false)} busy={progress !== null} />}
    </>
  );
}

function Preview({
  report,
  onConfirm,
  busy,
}: {
  report: ImportReport;
  onConfirm: () => void;
  busy: boolean;
}) {
  const ok = report.errors.length === 0;
  return (
    <section className="fr-mt-4w" aria-labelledby="apercu">
      <h2 id="apercu">Aperçu de l'import</h2>
      <Alert
        severity={ok ? 'info' : 'error'}
        title={
          ok
            ? 'Fichier valide'
            : `${report.errorsTotal} erreur${report.errorsTotal > 1 ? 's' : ''} à corriger`
        }
        description={`${report.rows} ligne(s) lue(s) : ${report.created} création(s), ${report.updated} modification(s), ${report.unchanged} inchangée(s).${report.ignoredColumns.length ? ` Colonnes ignorées : ${report.ignoredColumns.join(', ')}.` : ''}${ok ? '' : " Corrigez le fichier puis vérifiez-le à nouveau : rien n'est enregistré tant qu'une erreur subsiste."}`}
        className="fr-mb-3w"
      />
      {!ok && (
        <Table
          caption={`Erreurs (${report.errorsTotal}${report.errors.length < report.errorsTotal ? `, les ${report.errors.length} premières` : ''})`}
          head={['Ligne', 'Colonne', 'Erreur']}
        >
          {report.errors.map((e) => (
            <tr key={`${e.line}-${e.column}-${e.message}`}>
              <th scope="row">{e.line}</th>
              <td>{e.column ?? '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </Table>
      )}
      {report.preview.length > 0 && (
        <Table
          caption={`Premières lignes valides et leur sort (${report.preview.length})`}
          head={['Ligne', 'Territoire', 'Intitulé', 'Sort', 'Champs modifiés']}
        >
          {report.preview.map((r) => (
            <tr key={r.line}>
              <th scope="row">{r.line}</th>
              <td>{r.territoire.nom}</td>
              <td>{r.intitule}</td>
              <td>{FATE[r.fate]}</td>
              <td>{r.champs.join(', ') || '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      {ok && report.dryRun && (
        <Button
          onClick={onConfirm}
          disabled={busy || report.created + report.updated === 0}
          iconId="fr-icon-check-line"
        >
          Confirmer l'import ({report.created} création(s), {report.updated} modification(s))
        </Button>
      )}
    </section>
  );
}

function Table({ caption, head, children }: { caption: string; head: string[]; children: React.ReactNode }) {
  return (
    <ScrollTable>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </ScrollTable>
  );
}

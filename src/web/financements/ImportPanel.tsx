/**
 * Import of a CSV or Excel file for the national team: first a check (simulation: every error with its
 * line and column, the rows outside any TI), then the import itself, all or nothing. Shown only to
 * users whose role allows it (the server checks again).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useMoi } from '../comptes/useMoi';
import { formatInteger } from '../platform/format';

type Report = {
  message: string;
  simulation: boolean;
  lignes: number;
  valides: number;
  enregistres: number;
  erreurs: { texte: string }[];
  horsTi: { ligne: number; libelle: string; communeNom: string; communeInsee: string }[];
};

export function ImportPanel({ endpoint, what }: { endpoint: string; what: string }) {
  const id = useId();
  const client = useQueryClient();
  const me = useMoi();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me.data?.connecte || !me.data.roles?.some((r) => r.role === 'national')) return null;

  const send = async (simulation: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch(
        `${endpoint}?simulation=${simulation}&nom=${encodeURIComponent(file.name)}`,
        {
          method: 'POST',
          body: file,
          credentials: 'same-origin',
          headers: {
            'content-type': file.type || 'application/octet-stream',
            'x-csrf-token': me.data?.connecte ? me.data.csrfToken : '',
            accept: 'application/json',
          },
        },
      );
      const body = (await response.json()) as Partial<Report> & { message: string };
      if (!Array.isArray(body.erreurs)) setFailure(body.message);
      else setReport(body as Report);
      if (!simulation && response.ok) await client.invalidateQueries();
    } catch {
      setFailure('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-titre`} className="fr-mb-4w">
      <h2 id={`${id}-titre`} className="fr-h4">
        Importer des {what}
      </h2>
      <div className="fr-upload-group fr-mb-2w">
        <label className="fr-label" htmlFor={`${id}-fichier`}>
          Fichier CSV ou Excel (.xlsx)
          <span className="fr-hint-text">
            Vérifiez d’abord le fichier : rien n’est enregistré tant qu’une erreur demeure.
          </span>
        </label>
        <input
          id={`${id}-fichier`}
          className="fr-upload"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </div>
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button priority="secondary" disabled={!file || busy} onClick={() => send(true)}>
          Vérifier le fichier
        </Button>
        <Button
          disabled={!file || busy || !report?.simulation || report.erreurs.length > 0}
          onClick={() => send(false)}
        >
          Importer
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {failure && <Alert severity="error" small description={failure} />}
        {report && (
          <Alert
            severity={report.erreurs.length ? 'error' : 'success'}
            title={report.message}
            description={
              <>
                {formatInteger(report.lignes)} lignes lues, {formatInteger(report.valides)} valides
                {report.enregistres ? `, ${formatInteger(report.enregistres)} enregistrées` : ''}.
                {report.erreurs.length > 0 && (
                  <ul>
                    {report.erreurs.slice(0, 50).map((e) => (
                      <li key={e.texte}>{e.texte}</li>
                    ))}
                  </ul>
                )}
                {report.horsTi.length > 0 && (
                  <>
                    <br />
                    Hors de tout territoire d’industrie (importés sans rattachement) :
                    <ul>
                      {report.horsTi.map((h) => (
                        <li key={h.ligne}>
                          Ligne {h.ligne} : {h.libelle}, {h.communeNom} ({h.communeInsee})
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            }
          />
        )}
      </div>
    </section>
  );
}

/**
 * The figures of a list page per region (national scope) or per territory d'industrie (inside a
 * region), each territory linking to its page; nothing for a single territory.
 */
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../platform/DataTable';

export type Perimetre = { niveau: string; code: string; nom: string };
export type BreakdownStats<R> = { perimetre: Perimetre; parRegion: R[]; parTerritoire: R[] };

export type BreakdownConfig<R> = {
  /** What the table counts: its caption is « <caption> par région » or « … par territoire d’industrie ». */
  caption: string;
  /** The figure columns, after the name of the region or territory. */
  columns: Column<R>[];
};

export function BreakdownSection<R extends { code: string; nom: string }>({
  stats,
  breakdown,
}: {
  stats: BreakdownStats<R>;
  breakdown: BreakdownConfig<R>;
}) {
  if (stats.perimetre.niveau === 'territoire') return null;
  const national = stats.perimetre.niveau === 'national';
  const name: Column<R> = {
    key: 'nom',
    label: national ? 'Région' : 'Territoire',
    rowHeader: true,
    render: (r) => (national ? r.nom : <Link to={`/territoires/${r.code}`}>{r.nom}</Link>),
  };
  return (
    <section aria-labelledby="repartition" className="fr-mb-4w">
      <h2 id="repartition" className="fr-h4">
        {national ? 'Par région' : `Par territoire d’industrie — ${stats.perimetre.nom}`}
      </h2>
      <DataTable
        small
        caption={`${breakdown.caption} par ${national ? 'région' : 'territoire d’industrie'}`}
        rows={national ? stats.parRegion : stats.parTerritoire}
        rowKey={(r) => r.code}
        columns={[name, ...breakdown.columns]}
      />
    </section>
  );
}

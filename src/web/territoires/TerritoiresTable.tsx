import { Link } from 'react-router-dom';
import { DataTable } from '../platform/DataTable';
import { formatInteger } from '../platform/format';
import type { TerritoireItem } from './types';

/** The table twin of the maps: one row per territory with a link to its page. */
export function TerritoiresTable({
  caption,
  territoires,
  showRegion = true,
  id,
}: {
  caption: string;
  territoires: readonly TerritoireItem[];
  showRegion?: boolean;
  id?: string;
}) {
  return (
    <DataTable
      id={id}
      small
      caption={caption}
      rows={territoires}
      rowKey={(t) => t.id}
      empty="Aucun territoire ne correspond."
      columns={[
        {
          key: 'nom',
          label: 'Territoire',
          rowHeader: true,
          render: (t) => <Link to={`/territoires/${t.id}`}>{t.nom}</Link>,
        },
        ...(showRegion
          ? [
              {
                key: 'region',
                label: 'Région',
                render: (t: TerritoireItem) => <Link to={`/regions/${t.region.code}`}>{t.region.nom}</Link>,
              },
            ]
          : []),
        {
          key: 'nbMembres',
          label: 'Membres',
          numeric: true,
          render: (t) => formatInteger(t.nbMembres),
        },
        { key: 'nbCommunes', label: 'Communes', numeric: true, render: (t) => formatInteger(t.nbCommunes) },
        { key: 'population', label: 'Population', numeric: true, render: (t) => formatInteger(t.population) },
      ]}
    />
  );
}

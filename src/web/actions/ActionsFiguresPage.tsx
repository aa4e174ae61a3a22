import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';

type Stat = { key: string; label: string; count: number };

/** Public figures of the action plans (/actions/chiffres): by axis, thématique and status. */
export default function ActionsFiguresPage() {
  usePageTitle("Chiffres des plans d'action");
  return (
    <>
      <h1>Chiffres des plans d'action</h1>
      <DemoNotice detail="Tant que les plans réels ne sont pas importés, ces chiffres sont calculés sur des plans de démonstration calibrés sur le bilan publié de novembre 2024." />
      <Figures groupBy="axe" title="Actions par axe" />
      <Figures
        groupBy="thematique"
        title="Actions par thématique (une action compte une fois par thématique)"
      />
      <Figures groupBy="statut" title="Avancement des actions" />
      <Figures groupBy="region" title="Actions par région" />
    </>
  );
}

function Figures({ groupBy, title }: { groupBy: string; title: string }) {
  const path = `/api/v1/stats/actions?groupBy=${groupBy}`;
  const stats = useQuery({ queryKey: [path], queryFn: apiQuery<Stat[]>(path) });
  return (
    <QueryState query={stats}>
      {(rows) => {
        const total = rows.reduce((s, r) => s + r.count, 0);
        return (
          <DataTable
            caption={title}
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { key: 'label', label: 'Libellé', rowHeader: true },
              { key: 'count', label: 'Actions', numeric: true, render: (r) => formatInteger(r.count) },
              ...(groupBy === 'thematique'
                ? []
                : [
                    {
                      key: 'part',
                      label: 'Part',
                      numeric: true,
                      render: (r: Stat) => `${total ? Math.round((100 * r.count) / total) : 0} %`,
                    },
                  ]),
            ]}
          />
        );
      }}
    </QueryState>
  );
}

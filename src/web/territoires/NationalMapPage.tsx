import { Input } from '@codegouvfr/react-dsfr/Input';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { normalizeText } from '../../domain/shared/text';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import { usePageTitle } from '../platform/usePageTitle';
import { DeferredNationalMap } from './DeferredNationalMap';
import { KeyFigures, programmeStatsQuery } from './KeyFigures';
import { MAP_SOURCE } from './palette';
import { RegionLegend } from './RegionLegend';
import { SearchForm } from './SearchForm';
import { TerritoiresTable } from './TerritoiresTable';
import type { RegionsList, TerritoiresList } from './types';

/** Home page: the national map of the 183 territories, its legend, key figures, search and the table twin. */
export default function NationalMapPage() {
  usePageTitle('Carte des Territoires d’industrie');
  const territoires = useQuery({
    queryKey: ['/api/v1/territoires'],
    queryFn: apiQuery<TerritoiresList>('/api/v1/territoires'),
  });
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<RegionsList>('/api/v1/regions'),
  });
  // The key figures fill most of the first screen once drawn; while they load, the map's frame sits a
  // screen higher, where it would look « near » and load MapLibre on every visit. Wait for them.
  const stats = useQuery(programmeStatsQuery);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);

  const filtered = useMemo(() => {
    const items = territoires.data?.items ?? [];
    const q = normalizeText(deferredFilter);
    if (!q) return items;
    return items.filter((t) => normalizeText(`${t.nom} ${t.region.nom}`).includes(q));
  }, [territoires.data, deferredFilter]);

  return (
    <>
      <h1 className="fr-mt-2w fr-mb-1w">Les Territoires d’industrie</h1>
      <p className="fr-text--lead fr-mb-3w">
        {territoires.data
          ? `${territoires.data.total} territoires labellisés pour le Temps II du programme (2023-2027). Périmètres : ${territoires.data.perimetre.libelle}.`
          : 'Les territoires labellisés pour le Temps II du programme (2023-2027).'}
      </p>
      <div className="fr-mb-4w">
        <SearchForm big id="recherche-accueil" />
      </div>

      <KeyFigures />

      <section aria-labelledby="carte-titre" className="fr-mb-4w">
        <h2 id="carte-titre" className="fr-h4">
          Carte des territoires
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-9">
            {/* Below the first screen: MapLibre and the layer load only when the map comes near. */}
            <DeferredNationalMap
              placed={!stats.isPending}
              description="Carte des 183 Territoires d’industrie, colorés par région, avec les outre-mer en encarts. Le tableau « Liste des territoires » ci-dessous en donne le contenu."
            />
            <p className="fr-text--xs fr-mt-1w fr-mb-0">
              Survolez un territoire pour afficher son nom, cliquez pour ouvrir sa page. Les outre-mer sont
              représentés en encarts, à des échelles différentes. Au clavier, utilisez la recherche ou la
              liste des territoires.
            </p>
            <SourceNote sources={[MAP_SOURCE]} />
          </div>
          <div className="fr-col-12 fr-col-lg-3">
            <QueryState query={regions} loadingLabel="Chargement de la légende…">
              {(r) => <RegionLegend regions={r.items} />}
            </QueryState>
          </div>
        </div>
      </section>

      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre" className="fr-h4">
          Liste des territoires
        </h2>
        <QueryState query={territoires} loadingLabel="Chargement des territoires…">
          {(data) => (
            <>
              <Input
                label="Filtrer la liste"
                hintText="Nom du territoire ou de la région"
                nativeInputProps={{
                  value: filter,
                  onChange: (e) => setFilter(e.target.value),
                  type: 'search',
                }}
                className="fr-mb-2w"
              />
              <p className="fr-text--sm" role="status">
                {filtered.length === data.total
                  ? `${data.total} territoires`
                  : `${filtered.length} territoire${filtered.length > 1 ? 's' : ''} sur ${data.total}`}
              </p>
              <TerritoiresTable
                id="liste-territoires"
                caption={`Les ${data.total} Territoires d’industrie — ${data.perimetre.libelle}`}
                territoires={filtered}
              />
              <SourceNote sources={data.sources} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}

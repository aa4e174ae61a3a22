/**
 * A portrait (one territory, the territories of a region, or the whole programme): its indicators
 * beside the region, France and Temps I, employment over the years and its trend before and since
 * 2020, the typologies with their rule, the overlaps with the other ANCT programmes and the action
 * plan in figures. Every figure says its source and year; a missing one says so instead of 0. The
 * same view is the print page (two A4 pages) that the server turns into a PDF.
 */
import { Link } from 'react-router-dom';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { SourceNote } from '../platform/SourceNote';
import { BarChart, LineChart, PatternDefs } from '../tableaux-de-bord/charts';
import { formatFrNumber, formatFrPercent } from '../tableaux-de-bord/format';
import { LeviersSection } from '../tableaux-de-bord/LeviersSection';
import { TerritoryMembersMap } from './TerritoryMembersMap';
import type { Portrait } from './types';
import './portraits.css';
import './print.css';

function Figure({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <li className="fr-col-6 fr-col-md-4 fr-col-lg-3">
      <div className="pilote-kf">
        <p className="pilote-kf__value">{value}</p>
        <p className="pilote-kf__label">{label}</p>
        {note && <p className="pilote-kf__source">{note}</p>}
      </div>
    </li>
  );
}

export function PortraitView({
  p,
  print = false,
  onMapDrawn,
  onLeversSettled,
}: {
  p: Portrait;
  print?: boolean;
  onMapDrawn?: () => void;
  /** Called once the funding, land and governance figures are in (the print page waits for them). */
  onLeversSettled?: () => void;
}) {
  const e = p.emploi;
  const chartWidth = print ? 330 : 640;
  return (
    <div className="pilote-portrait">
      <PatternDefs />
      {p.demo && !print && (
        <DemoNotice detail="Le plan d’action de cette page est fait de données de démonstration ; les autres chiffres viennent des données publiques." />
      )}
      <section aria-labelledby="chiffres-cles" className="fr-mb-3w">
        <h2 id="chiffres-cles" className="fr-h4">
          Chiffres clés
        </h2>
        <ul className="fr-grid-row fr-grid-row--gutters pilote-key-figures">
          <Figure value={p.population.affichage} label="population municipale" note={p.population.source} />
          <Figure
            value={e.salaries.affichage}
            label={`emplois salariés privés (${e.salaries.annee})`}
            note={e.salaries.source}
          />
          <Figure
            value={e.salariesIndustrie.affichage}
            label={`emplois industriels (${e.salariesIndustrie.annee}), soit ${e.partIndustrie.affichage}`}
            note={e.salariesIndustrie.source}
          />
          <Figure
            value={e.demandeurs.affichage}
            label={`demandeurs d’emploi A, B, C (fin ${e.demandeurs.annee})`}
            note={e.demandeurs.source}
          />
          <Figure
            value={p.typologies.emploi.libelle}
            label="trajectoire de l’emploi"
            note={e.evolutionDepuis2020.source}
          />
          <Figure
            value={p.typologies.urbainRural.libelle}
            label={p.typologies.urbainRural.affichage}
            note={p.typologies.urbainRural.source}
          />
          <Figure value={formatFrNumber(p.communes)} label="communes (COG 2023)" />
          {'total' in p.planAction && (
            <Figure
              value={formatFrNumber(p.planAction.total)}
              label={`actions, dont ${formatFrPercent(p.planAction.partRealise)} réalisées`}
              note={p.planAction.source}
            />
          )}
        </ul>
        {e.avertissement && (
          <p className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" data-testid="avertissement-emploi">
            {e.avertissement}
          </p>
        )}
      </section>

      {p.niveau === 'territoire' && (
        <section aria-labelledby="carte-territoire" className="fr-mb-3w pilote-portrait-map">
          <h2 id="carte-territoire" className="fr-h4">
            Le territoire et ses intercommunalités
          </h2>
          <TerritoryMembersMap id={p.id} width={print ? 250 : 560} onDrawn={onMapDrawn} />
        </section>
      )}

      <section aria-labelledby="comparaison" className="fr-mb-3w">
        <h2 id="comparaison" className="fr-h4">
          Indicateurs comparés
        </h2>
        <DataTable
          small
          caption={`Indicateurs de ${p.nom} comparés${p.niveau === 'programme' ? ' à la France et au Temps I' : ' à la région, à la France, au programme et au Temps I'}`}
          rows={p.comparaison.lignes}
          rowKey={(l) => l.indicateur.code}
          columns={[
            { key: 'indicateur', label: 'Indicateur', rowHeader: true, render: (l) => l.indicateur.libelle },
            ...p.comparaison.colonnes.map((c) => ({
              key: c.cle,
              label: c.libelle,
              numeric: true,
              render: (l: Portrait['comparaison']['lignes'][number]) =>
                l.valeurs.find((v) => v.cle === c.cle)?.affichage ?? '',
            })),
            ...(print
              ? []
              : [
                  {
                    key: 'source',
                    label: 'Source',
                    render: (l: Portrait['comparaison']['lignes'][number]) => (
                      <span className="fr-text--xs">{l.source.replace(/^Source : /, '')}</span>
                    ),
                  },
                ]),
          ]}
        />
        {p.comparaison.colonnes
          .filter((c) => c.absence)
          .map((c) => (
            <p key={c.cle} className="fr-text--xs">
              {c.libelle} : {c.absence}.
            </p>
          ))}
      </section>

      <section aria-labelledby="emploi" className="fr-mb-3w pilote-page-break">
        <h2 id="emploi" className="fr-h4">
          L’emploi salarié de 2015 à {e.salariesParAnnee.at(-1)?.annee}
        </h2>
        <div className="pilote-two-cols">
          <div>
            <LineChart
              testId="graphique-emploi"
              points={e.salariesParAnnee}
              unit="emplois salariés privés"
              width={chartWidth}
              height={print ? 130 : 240}
              label="Courbe de l’emploi salarié privé par année ; les valeurs sont dans le tableau qui suit."
            />
            <p className="fr-text--xs pilote-sources">{e.sourceSerie}</p>
          </div>
          <div>
            <DataTable
              small
              caption="Emploi salarié privé au 31 décembre et demandeurs d’emploi au 4e trimestre"
              rows={e.salariesParAnnee}
              rowKey={(r) => String(r.annee)}
              columns={[
                { key: 'annee', label: 'Année', rowHeader: true },
                {
                  key: 'valeur',
                  label: 'Emplois salariés',
                  numeric: true,
                  render: (r) => (r.valeur === null ? 'donnée non disponible' : formatFrNumber(r.valeur)),
                },
                {
                  key: 'demandeurs',
                  label: 'Demandeurs d’emploi',
                  numeric: true,
                  render: (r) => {
                    const d = e.demandeursParAnnee.find((x) => x.annee === r.annee);
                    return d ? (d.valeur === null ? 'donnée non disponible' : formatFrNumber(d.valeur)) : '—';
                  },
                },
              ]}
            />
          </div>
        </div>
        <p>
          Évolution {e.evolutionAvant2020.libelle} : <strong>{e.evolutionAvant2020.affichage}</strong> ;{' '}
          {e.evolutionDepuis2020.libelle} : <strong>{e.evolutionDepuis2020.affichage}</strong>.
        </p>
        <div className="fr-callout fr-mb-2w pilote-callout">
          <h3 className="fr-callout__title fr-h6">Trajectoire : {p.typologies.emploi.libelle}</h3>
          <p className="fr-callout__text fr-text--sm">{p.typologies.emploi.explication}</p>
          <p className="fr-text--xs fr-mb-0 pilote-print-hide">{p.typologies.emploi.regle}</p>
        </div>
      </section>

      <section aria-labelledby="urbain-rural" className="fr-mb-3w">
        <h2 id="urbain-rural" className="fr-h4">
          Urbain ou rural : {p.typologies.urbainRural.libelle.toLowerCase()}
        </h2>
        <p className="fr-text--sm">
          {p.typologies.urbainRural.explication} {p.typologies.urbainRural.affichage}.
        </p>
        <div className="pilote-two-cols">
          <BarChart
            testId="graphique-densite"
            width={chartWidth}
            rowHeight={print ? 12 : 28}
            unit="% de la population"
            label="Part de la population par niveau de densité ; les valeurs sont dans le tableau qui suit."
            bars={p.typologies.urbainRural.parDensite.map((r) => ({
              code: String(r.niveau),
              libelle: r.libelle,
              valeur: Math.round((r.partPopulation ?? 0) * 10) / 10,
              etiquette: formatFrPercent(r.partPopulation),
            }))}
          />
          <DataTable
            small
            caption="Communes et population par niveau de la grille communale de densité"
            className="pilote-print-hide"
            rows={p.typologies.urbainRural.parDensite}
            rowKey={(r) => String(r.niveau)}
            columns={[
              {
                key: 'libelle',
                label: 'Niveau de densité',
                rowHeader: true,
                render: (r) => `${r.libelle} (${r.rural ? 'rural' : 'urbain'})`,
              },
              {
                key: 'communes',
                label: 'Communes',
                numeric: true,
                render: (r) => formatFrNumber(r.communes),
              },
              {
                key: 'partPopulation',
                label: 'Part de la population',
                numeric: true,
                render: (r) => formatFrPercent(r.partPopulation),
              },
            ]}
          />
        </div>
        <p className="fr-text--xs pilote-print-hide">{p.typologies.urbainRural.regle}</p>
        <p className="fr-text--xs pilote-sources">{p.typologies.urbainRural.source}</p>
      </section>

      {p.publie && <Published p={p} />}

      <div className={print ? 'pilote-print-pair' : undefined}>
        {p.recouvrements && (
          <section aria-labelledby="recouvrements" className="fr-mb-3w">
            <h2 id="recouvrements" className="fr-h4">
              Les autres programmes de l’ANCT sur le territoire
            </h2>
            <DataTable
              small
              caption={`Communes concernées par d’autres programmes (sur ${formatFrNumber(p.recouvrements.communes)} communes)`}
              rows={p.recouvrements.programmes}
              rowKey={(r) => r.code}
              columns={[
                { key: 'libelle', label: 'Programme', rowHeader: true },
                {
                  key: 'communes',
                  label: 'Communes',
                  numeric: true,
                  render: (r) => formatFrNumber(r.communes),
                },
                {
                  key: 'partCommunes',
                  label: 'Part des communes',
                  numeric: true,
                  render: (r) => formatFrPercent(r.partCommunes),
                },
              ]}
            />
            <p className="fr-text--xs pilote-sources">
              {formatFrNumber(p.recouvrements.qpv)} quartier(s) prioritaire(s) ;{' '}
              {p.recouvrements.massifs.map((m) => `${m.massif} : ${m.communes} communes`).join(' ; ') ||
                'aucun massif'}
              . {p.recouvrements.source}
            </p>
          </section>
        )}

        <PlanSection p={p} width={print ? 300 : chartWidth} />
      </div>

      <LeviersSection
        scope={
          p.niveau === 'territoire' ? { territoire: p.id } : p.niveau === 'region' ? { region: p.id } : {}
        }
        print={print}
        onSettled={onLeversSettled}
      />

      <section aria-labelledby="sources" className="fr-mb-2w">
        <h2 id="sources" className="fr-h6">
          Sources
        </h2>
        <SourceNote sources={p.sources} />
      </section>
    </div>
  );
}

function PlanSection({ p, width }: { p: Portrait; width: number }) {
  const plan = p.planAction;
  return (
    <section aria-labelledby="plan-action" className="fr-mb-3w">
      <h2 id="plan-action" className="fr-h4">
        Le plan d’action en chiffres
      </h2>
      {'absence' in plan ? (
        <p className="fr-alert fr-alert--info fr-alert--sm">{plan.absence}</p>
      ) : (
        <>
          <p className="fr-text--sm">
            {formatFrNumber(plan.total)} actions ; {formatFrPercent(plan.partRealise)} réalisées ;{' '}
            {formatFrPercent(plan.partBloque)} en pause ou à débloquer.
          </p>
          <div className="pilote-two-cols">
            <BarChart
              testId="graphique-plan-statut"
              width={width}
              rowHeight={width < 400 ? 14 : 28}
              unit="actions"
              label="Actions par statut ; les valeurs sont dans le tableau qui suit."
              bars={plan.parStatut.map((r) => ({
                code: r.code,
                libelle: r.libelle,
                valeur: r.nombre,
                etiquette: `${formatFrNumber(r.nombre)} (${formatFrPercent(r.part)})`,
              }))}
            />
            <DataTable
              small
              caption="Actions par axe"
              rows={plan.parAxe}
              rowKey={(r) => r.code}
              columns={[
                { key: 'libelle', label: 'Axe', rowHeader: true },
                { key: 'nombre', label: 'Actions', numeric: true, render: (r) => formatFrNumber(r.nombre) },
                { key: 'part', label: 'Part', numeric: true, render: (r) => formatFrPercent(r.part) },
              ]}
            />
          </div>
          <DataTable
            small
            caption="Actions par statut"
            className="pilote-screen-only"
            rows={plan.parStatut}
            rowKey={(r) => r.code}
            columns={[
              { key: 'libelle', label: 'Statut', rowHeader: true },
              { key: 'nombre', label: 'Actions', numeric: true, render: (r) => formatFrNumber(r.nombre) },
              { key: 'part', label: 'Part', numeric: true, render: (r) => formatFrPercent(r.part) },
            ]}
          />
          <p className="fr-text--xs pilote-sources">
            {plan.source}
            {plan.demo ? ' — données de démonstration' : ''}
          </p>
        </>
      )}
    </section>
  );
}

function Published({ p }: { p: Portrait }) {
  const pub = p.publie!;
  return (
    <section aria-labelledby="publie" className="fr-mb-3w">
      <h2 id="publie" className="fr-h4">
        Les chiffres publiés, retrouvés à partir des données
      </h2>
      <DataTable
        small
        caption={`Chiffres calculés et chiffres publiés (${pub.publication})`}
        rows={pub.lignes}
        rowKey={(r) => r.libelle}
        columns={[
          { key: 'libelle', label: 'Chiffre', rowHeader: true },
          { key: 'annee', label: 'Année des données' },
          { key: 'calcule', label: 'Calculé', numeric: true, render: (r) => r.affichageCalcule },
          { key: 'publie', label: 'Publié', numeric: true, render: (r) => r.affichagePublie },
        ]}
      />
      <DataTable
        small
        caption="Part des communes de chaque programme situées dans un Territoire d’industrie"
        rows={pub.recouvrements}
        rowKey={(r) => r.code}
        columns={[
          { key: 'libelle', label: 'Programme', rowHeader: true },
          {
            key: 'communes',
            label: 'Communes du programme',
            numeric: true,
            render: (r) => formatFrNumber(r.communes),
          },
          {
            key: 'communesEnTi',
            label: 'dont dans un TI',
            numeric: true,
            render: (r) => formatFrNumber(r.communesEnTi),
          },
          { key: 'part', label: 'Part calculée', numeric: true, render: (r) => r.affichage },
          { key: 'publie', label: 'Part publiée', numeric: true, render: (r) => `${r.publie} %` },
        ]}
      />
      <p className="fr-text--xs">{pub.regle}</p>
      <p className="fr-text--sm">
        <Link to="/cartes">Voir les cartes thématiques</Link>
      </p>
    </section>
  );
}

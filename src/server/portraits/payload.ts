import { type ComparisonColumn, comparisonTable } from '../../domain/portraits/comparison';
import {
  EMPLOYMENT_TYPOLOGY,
  employmentTypology,
  employmentTypologyRule,
  type Figure,
  TREND_PERIODS,
  type Trend,
} from '../../domain/portraits/employment';
import { formatNumber, formatPercent, formatSignedPercent } from '../../domain/portraits/format';
import { nationalOverlap, type ZonageCommune } from '../../domain/portraits/overlaps';
import type { TerritoryFigures } from '../../domain/portraits/portrait';
import { PUBLICATION, PUBLISHED_FIGURES } from '../../domain/portraits/published';
import { sourceLine } from '../../domain/portraits/sources';
import { DENSITY_LEVELS, URBAN_RURAL_RULE, URBAN_RURAL_TYPOLOGY } from '../../domain/portraits/typologies';
import type { ActionLite } from './actions-data';
import type { PortraitData } from './data';
import { type PlanSummary, planSummary } from './plan';
import { PORTRAIT_SOURCE_LIST, portraitSource } from './sources';

// The JSON of a portrait (API and print page): every figure with its value, its display in French,
// its unit, year and source line; a missing figure is null with the reason, never 0.

export const PORTRAIT_INDICATORS = [
  'population',
  'salaries-2022',
  'salaries-2025',
  'salaries-industrie-2025',
  'part-industrie-2025',
  'evolution-avant-2020',
  'evolution-depuis-2020',
  'typologie-emploi',
  'demandeurs-emploi',
  'part-population-rurale',
  'densite',
  'nb-actions',
  'part-realise',
  'part-bloque',
] as const;

export interface FigureOut {
  valeur: number | null;
  affichage: string;
  unite: string;
  annee: number | string;
  source: string;
  manquant: string | null;
}

function display(f: Figure): string {
  if (f.value === null) return f.missing ?? 'donnée non disponible';
  if (f.unit === '%') return formatPercent(f.value, 1);
  return `${formatNumber(f.value)}\u00a0${f.unit}`;
}

export const figureOut = (f: Figure): FigureOut => ({
  valeur: f.value,
  affichage: display(f),
  unite: f.unit,
  annee: f.year,
  source: sourceLine(f.source, f.year),
  manquant: f.missing,
});

const trendOut = (t: Trend, label: string) => ({
  libelle: label,
  de: t.from,
  a: t.to,
  debut: t.startValue,
  fin: t.endValue,
  variation: t.change,
  variationPct: t.changePct,
  affichage: t.changePct === null ? (t.missing ?? 'donnée non disponible') : formatSignedPercent(t.changePct),
  manquant: t.missing,
  source: sourceLine('urssaf', `${t.from}-${t.to}`),
});

export interface PortraitColumn {
  cle: string;
  libelle: string;
  figures: TerritoryFigures | null;
  /** Why the column is empty (no Temps I predecessor…). */
  absence?: string;
}

/** The figures of a set with its action plan part (null when the set has no plan). */
export function withPlan(figures: TerritoryFigures, actions: readonly ActionLite[] | null): TerritoryFigures {
  if (!actions) return { ...figures, planAction: null };
  const plan = planSummary(actions);
  return {
    ...figures,
    planAction: {
      total: plan.total,
      parStatut: [],
      partRealise: plan.partRealise,
      partBloque: plan.partBloque,
    },
  };
}

export function comparison(columns: readonly PortraitColumn[]) {
  const present = columns.filter(
    (c): c is PortraitColumn & { figures: TerritoryFigures } => c.figures !== null,
  );
  const table = comparisonTable(
    PORTRAIT_INDICATORS,
    present.map((c): ComparisonColumn => ({ key: c.cle, label: c.libelle, figures: c.figures })),
  );
  if (!table.ok) throw new Error(table.error);
  return {
    colonnes: columns.map((c) => ({ cle: c.cle, libelle: c.libelle, absence: c.absence ?? null })),
    lignes: table.value.map((row) => ({
      indicateur: {
        code: row.indicator.code,
        libelle: row.indicator.label,
        unite: row.indicator.unit,
        description: row.indicator.description,
      },
      source: row.source,
      valeurs: columns.map((c) => {
        const cell = row.cells.find((x) => x.key === c.cle);
        return cell
          ? { cle: c.cle, valeur: cell.value, affichage: cell.display }
          : { cle: c.cle, valeur: null, affichage: c.absence ?? 'donnée non disponible' };
      }),
    })),
  };
}

/** Figures of one set, detailed: employment, typologies, overlaps. */
export function figuresDetail(f: TerritoryFigures) {
  const e = f.emploi;
  const typo = employmentTypology(e.typologie);
  return {
    communes: f.communes,
    population: figureOut(f.population),
    emploi: {
      salaries: figureOut(e.salaries),
      salariesIndustrie: figureOut(e.salariesIndustrie),
      partIndustrie: figureOut(e.partIndustrie),
      demandeurs: figureOut(e.demandeurs),
      salariesParAnnee: Object.entries(e.salariesParAnnee).map(([annee, valeur]) => ({
        annee: Number(annee),
        valeur,
      })),
      demandeursParAnnee: Object.entries(e.demandeursParAnnee).map(([annee, valeur]) => ({
        annee: Number(annee),
        valeur,
      })),
      evolutionAvant2020: trendOut(e.evolutionAvant2020, TREND_PERIODS.avant2020.label),
      evolutionDepuis2020: trendOut(
        e.evolutionDepuis2020,
        `depuis 2020 (fin ${e.evolutionDepuis2020.from} → fin ${e.evolutionDepuis2020.to})`,
      ),
      communesSansDonnees: e.communesAbsentes.length,
      avertissement: e.avertissement,
      sourceSerie: sourceLine(
        'urssaf',
        `${Object.keys(e.salariesParAnnee)[0]}-${Object.keys(e.salariesParAnnee).at(-1)}`,
      ),
      sourceDemandeurs: sourceLine(
        'dares',
        `${Object.keys(e.demandeursParAnnee)[0]}-${Object.keys(e.demandeursParAnnee).at(-1)}`,
      ),
    },
    typologies: {
      emploi: {
        code: typo.code,
        libelle: typo.label,
        explication: typo.explanation,
        regle: employmentTypologyRule('salaries'),
        classes: EMPLOYMENT_TYPOLOGY.map((t) => ({
          code: t.code,
          libelle: t.label,
          explication: t.explanation,
        })),
      },
      urbainRural: {
        code: f.urbainRural.code,
        libelle: f.urbainRural.label,
        explication: f.urbainRural.explanation,
        regle: URBAN_RURAL_RULE,
        partPopulationRurale: f.urbainRural.partPopulationRurale,
        affichage:
          f.urbainRural.partPopulationRurale === null
            ? 'donnée non disponible'
            : `${formatPercent(f.urbainRural.partPopulationRurale)} de la population en commune rurale`,
        parDensite: f.urbainRural.parDensite.map((r) => ({
          niveau: r.key,
          libelle: r.label,
          rural: DENSITY_LEVELS[r.key - 1]!.rural,
          communes: r.communes,
          population: r.population,
          partPopulation: r.partPopulation,
        })),
        communesNonClassees: f.urbainRural.communesNonClassees.length,
        classes: URBAN_RURAL_TYPOLOGY.map((t) => ({
          code: t.code,
          libelle: t.label,
          explication: t.explanation,
        })),
        source: sourceLine('insee_densite', '2024'),
      },
      ruralites: {
        lignes: f.ruralites.rows.map((r) => ({
          libelle: r.label,
          communes: r.communes,
          population: r.population,
          partPopulation: r.partPopulation,
        })),
        source: sourceLine('anct_ruralite', '2024'),
      },
    },
    recouvrements: f.recouvrements
      ? {
          communes: f.recouvrements.communes,
          programmes: f.recouvrements.programmes.map((p) => ({
            code: p.code,
            libelle: p.label,
            communes: p.communes,
            partCommunes: p.partCommunes,
          })),
          qpv: f.recouvrements.qpv,
          massifs: f.recouvrements.massifs,
          source: sourceLine('anct_zonages', '2024'),
        }
      : null,
  };
}

export function planOut(
  actions: readonly ActionLite[] | null,
  available: boolean,
): (PlanSummary & { source: string }) | { absence: string } {
  if (!available) return { absence: "Les plans d'action ne sont pas encore chargés dans la plateforme." };
  if (!actions || actions.length === 0)
    return { absence: "Aucune action n'est enregistrée dans le plan d'action." };
  return { ...planSummary(actions), source: sourceLine('plans_action', null) };
}

export function emploiUpdatedOn(lastImport: Date | null): string | null {
  return lastImport ? lastImport.toISOString().slice(0, 10) : null;
}

export const portraitSources = (lastImport: Date | null) => PORTRAIT_SOURCE_LIST(emploiUpdatedOn(lastImport));

/** The programme's published figures beside the computed ones. */
export function publishedComparison(
  programme: TerritoryFigures,
  france: TerritoryFigures,
  data: PortraitData,
) {
  const tempsII = PUBLISHED_FIGURES.tempsII;
  const fr = PUBLISHED_FIGURES.france;
  const industryYear = programme.emploi.salariesIndustrie.year;
  const row = (libelle: string, calcule: number | null, publie: number, unite: string, annee: string) => ({
    libelle,
    calcule,
    publie,
    unite,
    annee,
    affichageCalcule:
      calcule === null
        ? 'donnée non disponible'
        : unite === '%'
          ? formatPercent(calcule)
          : formatNumber(calcule),
    affichagePublie: unite === '%' ? formatPercent(publie) : formatNumber(publie),
  });
  const overlap = nationalOverlap(
    [...data.communes.values()].map((c) => c.zonage).filter((z): z is ZonageCommune => !!z),
  );
  return {
    publication: PUBLICATION,
    lignes: [
      row("Territoires d'industrie", data.territories.size, tempsII.territoires, 'territoires', '2024'),
      row(
        'Intercommunalités membres',
        data.epci.size,
        tempsII.intercommunalites,
        'intercommunalités',
        '2024',
      ),
      row(
        'Régions',
        new Set([...data.territories.values()].map((t) => t.regionCode)).size,
        tempsII.regions,
        'régions',
        '2024',
      ),
      row(
        'Population des territoires',
        programme.population.value,
        tempsII.population,
        'habitants',
        'COG 2023',
      ),
      row(
        'Emplois salariés privés des territoires',
        programme.emploi.salariesParAnnee[2022] ?? null,
        tempsII.salaries,
        'emplois',
        '2022',
      ),
      row(
        'Emplois salariés industriels des territoires',
        programme.emploi.salariesIndustrie.value,
        tempsII.salariesIndustrie,
        'emplois',
        `${industryYear} (publié : 2022)`,
      ),
      row(
        "Part de l'emploi industriel des territoires",
        programme.emploi.partIndustrie.value,
        tempsII.partIndustrie,
        '%',
        `${industryYear} (publié : 2022)`,
      ),
      row(
        'Emplois salariés privés en France',
        france.emploi.salariesParAnnee[2022] ?? null,
        fr.salaries,
        'emplois',
        '2022',
      ),
      row(
        'Emplois salariés industriels en France',
        france.emploi.salariesIndustrie.value,
        fr.salariesIndustrie,
        'emplois',
        `${industryYear} (publié : 2022)`,
      ),
      row(
        "Part de l'emploi industriel en France",
        france.emploi.partIndustrie.value,
        fr.partIndustrie,
        '%',
        `${industryYear} (publié : 2022)`,
      ),
    ],
    recouvrements: overlap.rows.map((r) => ({
      code: r.code,
      libelle: r.label,
      communes: r.communes,
      communesEnTi: r.communesEnTi,
      part: r.part,
      affichage: r.part === null ? 'donnée non disponible' : formatPercent(r.part, 1),
      publie: r.published,
    })),
    qpvQuartiers: overlap.qpvQuartiers,
    regle: overlap.rule,
    sources: [portraitSource('urssaf'), portraitSource('anct_zonages')],
  };
}

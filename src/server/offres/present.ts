// How offers, matches and actions appear in the public API: the catalogue's own French keys, plus
// the labels a reader needs (operator, natures, status), so that clients never re-type vocabulary.

import { axeLabel, statutLabel, thematiqueLabel } from '../../domain/actions/vocabulary';
import type { Offer } from '../../domain/offres/catalogue';
import type { OfferMatch } from '../../domain/offres/matching';
import {
  natureLabel,
  offreStatutLabel,
  operateurLabel,
  operateurShort,
  porteurLabel,
  territoireLabel,
} from '../../domain/offres/vocabulary';
import type { ActionFacts } from './action-lookup';

export function offerSummary(offer: Offer) {
  return {
    slug: offer.slug,
    titre: offer.titre,
    operateur: offer.operateur,
    operateurLibelle: operateurLabel(offer.operateur),
    operateurCourt: operateurShort(offer.operateur),
    partenaires: offer.partenaires,
    nature: offer.nature,
    natureLibelles: offer.nature.map(natureLabel),
    resume: offer.resume,
    montants: offer.montants.texte,
    statut: offer.statut,
    statutLibelle: offreStatutLabel(offer.statut),
    axes: offer.regles.axes,
    thematiques: offer.regles.thematiques,
  };
}

export function offerDetail(offer: Offer) {
  return {
    ...offerSummary(offer),
    partenairesLibelles: offer.partenaires.map(operateurLabel),
    description: offer.description,
    beneficiaires: offer.beneficiaires,
    pour: offer.pour.map((code) => ({ code, libelle: porteurLabel(code) })),
    montants: offer.montants,
    conditions: offer.conditions,
    candidater: offer.candidater,
    statutPrecision: offer.statutPrecision ?? null,
    ouverture: offer.ouverture ?? null,
    cloture: offer.cloture ?? null,
    regles: {
      axes: offer.regles.axes.map((code) => ({ code, libelle: axeLabel(code) })),
      thematiques: offer.regles.thematiques.map((code) => ({ code, libelle: thematiqueLabel(code) })),
      statuts: offer.regles.statuts.map((code) => ({ code, libelle: statutLabel(code) })),
      territoires: offer.regles.territoires.map((code) => ({ code, libelle: territoireLabel(code) })),
      porteurs: offer.regles.porteurs.map((code) => ({ code, libelle: porteurLabel(code) })),
    },
    motsCles: offer.motsCles,
    sources: offer.sources,
    miseAJour: offer.miseAJour,
  };
}

export const matchItem = (match: OfferMatch) => ({
  ...offerSummary(match.offer),
  score: match.score,
  raisons: match.reasons,
  aVenir: match.upcoming,
  fermee: match.closed,
});

export const actionSummary = (action: ActionFacts) => ({
  id: action.id,
  titre: action.titre,
  territoire: action.territoire,
  region: action.region,
  axe: action.axe,
  axeLibelle: axeLabel(action.axe),
  thematiques: action.thematiques.map((code) => ({ code, libelle: thematiqueLabel(code) })),
  statut: action.statut ?? 'non-renseigne',
  statutLibelle: statutLabel(action.statut),
  archivee: action.archived,
  demo: action.demo,
});

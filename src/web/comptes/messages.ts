// French messages for the `?erreur=` codes the ProConnect callback sends back to the sign-in page.
export const SIGNIN_ERRORS: Record<string, string> = {
  'proconnect-inconnu':
    'Aucun compte actif de Pilote TI ne correspond à l’adresse électronique transmise par ProConnect. Demandez une invitation à l’équipe nationale ou à votre coordination régionale.',
  'proconnect-adresse-non-verifiee':
    'Votre fournisseur d’identité indique que votre adresse électronique n’est pas vérifiée : la connexion est refusée. Faites vérifier votre adresse auprès de votre fournisseur d’identité (ProConnect), puis recommencez, ou connectez-vous avec votre mot de passe.',
  'proconnect-session':
    'La connexion ProConnect a expiré ou a été ouverte dans un autre navigateur : recommencez.',
  'proconnect-annule': 'La connexion ProConnect a été annulée.',
  'proconnect-echec': 'La réponse de ProConnect n’a pas pu être vérifiée : recommencez dans un instant.',
  'proconnect-injoignable':
    'ProConnect ne répond pas pour le moment : réessayez plus tard ou utilisez votre mot de passe.',
  'proconnect-indisponible': 'La connexion par ProConnect n’est pas configurée sur cette plateforme.',
};

export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('fr-FR', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      })
    : '—';

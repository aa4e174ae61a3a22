import type { HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../platform/api';
import { MOI_KEY, useMoi } from './useMoi';

/** The header's « Se connecter » / « Mon compte » / « Se déconnecter » entries. */
export function useAccountQuickAccess(): HeaderProps.QuickAccessItem[] {
  const { data: moi } = useMoi();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (!moi?.connecte) {
    return [{ iconId: 'fr-icon-account-circle-line', text: 'Se connecter', linkProps: { to: '/connexion' } }];
  }
  return [
    { iconId: 'fr-icon-account-circle-line', text: 'Mon compte', linkProps: { to: '/compte' } },
    {
      iconId: 'fr-icon-logout-box-r-line',
      text: 'Se déconnecter',
      buttonProps: {
        onClick: async () => {
          const res = await api<{ redirection?: string }>('/api/v1/comptes/deconnexion', {
            method: 'POST',
          }).catch(() => ({}) as { redirection?: string });
          setCsrfToken(null);
          client.clear();
          // Signed in through ProConnect: end that session too (ProConnect sends the browser back).
          if (res.redirection) {
            window.location.assign(res.redirection);
            return;
          }
          await client.invalidateQueries();
          navigate('/connexion?deconnecte=1');
        },
      },
    },
  ];
}

export { MOI_KEY };

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { usePageTitle } from '../platform/usePageTitle';
import { ActionsList } from './ActionsList';
import { SignInRequired } from './SignInRequired';
import { useMe } from './session';

type Regions = { items: { code: string; nom: string }[] };

/** National list of actions (/actions) and a region's list (/actions/regions/:code); server-side paging. */
export default function ActionsNationalPage() {
  const { code } = useParams();
  const regions = useQuery({ queryKey: ['/api/v1/regions'], queryFn: apiQuery<Regions>('/api/v1/regions') });
  const me = useMe();
  const region = code ? regions.data?.items.find((r) => r.code === code) : undefined;
  const title = code
    ? `Actions de la région ${region?.nom ?? code}`
    : "Les plans d'action des Territoires d'industrie";
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      {me.data && !me.data.connecte ? (
        <SignInRequired />
      ) : (
        <ActionsList
          region={code}
          regions={code ? undefined : regions.data?.items}
          caption={
            code
              ? `Actions des territoires de la région ${region?.nom ?? code}`
              : 'Actions de tous les territoires'
          }
        />
      )}
    </>
  );
}

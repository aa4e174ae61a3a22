import { useParams } from 'react-router-dom';
import { Dashboard } from './Dashboard';
import type { Level } from './dataPath';

/** /tableaux-de-bord, /tableaux-de-bord/regions/:code, /tableaux-de-bord/territoires/:id */
export function useLevel(): Level {
  const { code, id } = useParams();
  if (code) return { niveau: 'region', code };
  if (id) return { niveau: 'territoire', id };
  return { niveau: 'national' };
}

export default function DashboardPage() {
  const level = useLevel();
  return <Dashboard key={JSON.stringify(level)} level={level} />;
}

import '../portraits/print.css';
import { Dashboard } from './Dashboard';
import { useLevel } from './DashboardPage';

/** /impression/tableaux-de-bord[/regions/:code|/territoires/:id]: the dashboard laid out for A4 (server PDF). */
export default function PrintDashboardPage() {
  const level = useLevel();
  return <Dashboard key={JSON.stringify(level)} level={level} print />;
}

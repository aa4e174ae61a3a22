/** Table columns the funding and land lists share, so that every list reads the same way. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Column } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';

/** A right-aligned figure. */
export const numeric = <R,>(key: string, label: string, render: (row: R) => ReactNode): Column<R> => ({
  key,
  label,
  numeric: true,
  render,
});

/** The row's name as its header, flagged « Données de démonstration » on demo rows. */
export const nameColumn = <R extends { demo: boolean }>(
  key: string,
  label: string,
  name: (row: R) => string,
): Column<R> => ({
  key,
  label,
  rowHeader: true,
  render: (x) => (
    <>
      {name(x)} {x.demo && <DemoBadge />}
    </>
  ),
});

/** The territoire d'industrie of the row, linked to its page, or « Hors TI ». */
export const territoireColumn = <
  R extends { territoire: { id: string; nom: string } | null },
>(): Column<R> => ({
  key: 'territoire',
  label: 'Territoire d’industrie',
  render: (x) =>
    x.territoire ? <Link to={`/territoires/${x.territoire.id}`}>{x.territoire.nom}</Link> : 'Hors TI',
});

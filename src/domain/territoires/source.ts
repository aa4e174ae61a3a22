/** Where a figure comes from: shown next to every map, table and export (Licence Ouverte asks for it). */
export interface Source {
  libelle: string;
  producteur: string;
  /** Date of the data's last update, ISO (YYYY-MM-DD). */
  date: string;
  licence: string;
  url?: string;
}

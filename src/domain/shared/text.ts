// Text normalisation shared by search, import header matching and name matching: case, accents,
// apostrophes, dashes and spacing must never decide whether two names are the same.

/** « Vallée de l'Arve » → "vallee de l arve". */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

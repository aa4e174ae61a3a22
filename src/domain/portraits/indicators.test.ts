import { describe, expect, it } from 'vitest';
import {
  checkIndicator,
  checkMapLevel,
  INDICATORS,
  indicatorSourceLine,
  isIndicatorCode,
} from './indicators';

describe('indicator catalogue', () => {
  it('has unique codes, each with a French label, a source and a year', () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of INDICATORS) {
      expect(i.label.length).toBeGreaterThan(3);
      expect(i.year).toBeTruthy();
      expect(i.levels.length).toBeGreaterThan(0);
      if (i.kind === 'category') {
        expect(i.defaultClassification).toBeNull();
        expect('categories' in i && i.categories.length).toBeGreaterThan(1);
      } else {
        expect(i.defaultClassification).not.toBeNull();
      }
    }
    expect(codes).toEqual(
      expect.arrayContaining([
        'population',
        'salaries-2022',
        'salaries-2025',
        'salaries-industrie-2025',
        'part-industrie-2025',
        'evolution-avant-2020',
        'evolution-depuis-2020',
        'typologie-emploi',
        'densite',
        'nb-actions',
        'part-realise',
        'part-bloque',
      ]),
    );
    expect(isIndicatorCode('population')).toBe(true);
  });

  it('validates codes and levels with French errors', () => {
    const ok = checkIndicator('part-industrie-2025', 'epci');
    expect(ok.ok && ok.value.unit).toBe('%');
    const unknown = checkIndicator('chomage');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.error).toMatch(/^Indicateur « chomage » inconnu ; attendu l'un de : population, /);
    const level = checkIndicator('nb-actions', 'epci');
    expect(level).toEqual({
      ok: false,
      error:
        "L'indicateur « Nombre d'actions du plan d'action » n'existe pas au niveau « Intercommunalités (EPCI) » ; niveaux disponibles : ti.",
    });
    const badLevel = checkMapLevel('commune');
    expect(badLevel).toEqual({
      ok: false,
      error: "Niveau « commune » inconnu ; attendu l'un de : ti, epci.",
    });
    expect(checkIndicator(undefined).ok).toBe(false);
  });

  it('prints its source with the year', () => {
    const i = checkIndicator('salaries-2022');
    if (!i.ok) throw new Error(i.error);
    expect(indicatorSourceLine(i.value)).toBe(
      'Source : URSSAF, effectifs salariés du secteur privé au 31 décembre (régime général) (2022)',
    );
  });
});

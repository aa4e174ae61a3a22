import { describe, expect, it } from 'vitest';
import { type Classification, classify } from './classification';

const nb = '\u202f';

function ok(result: ReturnType<typeof classify>): Classification {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('classify', () => {
  it('makes quantile classes with equal counts (hand-computed on 1…10)', () => {
    const c = ok(classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { method: 'quantiles', classes: 5 }));
    expect(c.classes.map((k) => [k.min, k.max, k.count])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    expect(c.thresholds).toEqual([3, 5, 7, 9]);
    expect(c.classes[0]!.label).toBe('de 1 à 2');
    expect(c.classOf).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(c.note).toBeNull();
  });

  it('finds natural breaks (Jenks / ckmeans) between obvious groups', () => {
    const c = ok(classify([50, 1, 11, 2, 3, 10, 12], { method: 'jenks', classes: 3 }));
    expect(c.classes.map((k) => [k.min, k.max])).toEqual([
      [1, 3],
      [10, 12],
      [50, 50],
    ]);
    expect(c.thresholds).toEqual([10, 50]);
    expect(c.classOf).toEqual([2, 0, 1, 0, 0, 1, 1]);
    expect(c.classes[2]!.label).toBe('50');
  });

  it('writes French legend labels with thousands separators', () => {
    const c = ok(classify([12500, 20000, 48300, 250000, 260000], { method: 'jenks', classes: 2 }));
    expect(c.classes.map((k) => k.label)).toEqual([
      `de 12${nb}500 à 48${nb}300`,
      `de 250${nb}000 à 260${nb}000`,
    ]);
  });

  it('accepts a custom formatter (shares in %)', () => {
    const c = ok(
      classify([10.25, 30.5], { method: 'quantiles', classes: 2, format: (v) => `${v.toFixed(1)} %` }),
    );
    expect(c.classes.map((k) => k.label)).toEqual(['10.3 %', '30.5 %']);
  });

  it('leaves missing values out, as « donnée manquante »', () => {
    const c = ok(classify([5, null, 10, undefined, Number.NaN], { method: 'quantiles', classes: 2 }));
    expect(c.classOf).toEqual([0, null, 1, null, null]);
    expect(c.missingCount).toBe(3);
    expect(c.missingLabel).toBe('donnée manquante');
    expect(c.classes.map((k) => k.label)).toEqual(['5', '10']);
  });

  it('makes fewer classes when there are fewer distinct values, and says so', () => {
    const c = ok(classify([1, 1, 2, 2, 3], { method: 'jenks', classes: 5 }));
    expect(c.classes.map((k) => k.label)).toEqual(['1', '2', '3']);
    expect(c.note).toBe('Seulement 3 valeurs distinctes : 3 classes au lieu de 5.');
    const q = ok(classify([1, 1, 1, 1, 1, 1, 1, 1, 2, 3], { method: 'quantiles', classes: 3 }));
    // Both tertiles fall on 1: two classes only, and every value still has one.
    expect(q.classes.map((k) => [k.label, k.count])).toEqual([
      ['1', 8],
      ['de 2 à 3', 2],
    ]);
    expect(q.note).toBe('Valeurs trop concentrées : 2 classes au lieu de 3.');
  });

  it('handles all-equal and all-missing values', () => {
    const same = ok(classify([7, 7, 7], { method: 'quantiles', classes: 4 }));
    expect(same.classes).toHaveLength(1);
    expect(same.classes[0]!.label).toBe('7');
    expect(same.classOf).toEqual([0, 0, 0]);
    expect(same.note).toBe('Toutes les valeurs sont égales (7) : une seule classe.');
    const none = ok(classify([null, null], { method: 'jenks', classes: 4 }));
    expect(none.classes).toEqual([]);
    expect(none.classOf).toEqual([null, null]);
    expect(none.note).toMatch(/toutes les données sont manquantes/);
  });

  it('rejects an unknown method or a bad number of classes in French', () => {
    const bad = classify([1, 2], { method: 'egal' as never, classes: 3 });
    expect(bad).toEqual({
      ok: false,
      error: 'Méthode de classification « egal » inconnue ; attendu : quantiles ou jenks.',
    });
    const zero = classify([1, 2], { method: 'jenks', classes: 0 });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error).toMatch(/Nombre de classes « 0 » invalide/);
  });
});

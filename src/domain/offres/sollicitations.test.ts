import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  dueDate,
  isLate,
  mayAnswer,
  mayRead,
  median,
  type SollicitationFact,
  summarize,
} from './sollicitations';

const toOperator = { territoire: 'ti-9301', region: '93', organisation: 'bpifrance', viaCellule: false };
const toCellule = { territoire: 'ti-9301', region: '93', organisation: null, viaCellule: true };

describe('request lifecycle', () => {
  it('moves new → under review → favourable or declined, and closes there', () => {
    expect(checkTransition('nouvelle', 'en-instruction')).toBeNull();
    expect(checkTransition('en-instruction', 'favorable')).toBeNull();
    expect(checkTransition('en-instruction', 'declinee')).toBeNull();
    expect(checkTransition('nouvelle', 'favorable')).toBeNull();
    expect(checkTransition('favorable', 'declinee')).toMatch(/close \(« Favorable »\)/);
    expect(checkTransition('declinee', 'en-instruction')).toMatch(/close/);
  });

  it('lets the new operator instruct a redirected request, but redirection needs an operator', () => {
    expect(checkTransition('reorientee', 'en-instruction')).toBeNull();
    expect(checkTransition('en-instruction', 'reorientee')).toMatch(/indiquez l’opérateur/);
    expect(checkTransition('en-instruction', 'nouvelle')).toMatch(/impossible/);
    expect(checkTransition('nouvelle', 'nouvelle')).toMatch(/déjà « Nouvelle »/);
  });
});

describe('who may act', () => {
  it('lets the addressed organisation, national, and the region for task-force requests answer', () => {
    expect(mayAnswer([{ role: 'partner', organisation: 'bpifrance' }], toOperator)).toBe(true);
    expect(mayAnswer([{ role: 'partner', organisation: 'ademe' }], toOperator)).toBe(false);
    expect(mayAnswer([{ role: 'national' }], toOperator)).toBe(true);
    expect(mayAnswer([{ role: 'regional', region: '93' }], toOperator)).toBe(false);
    expect(mayAnswer([{ role: 'regional', region: '93' }], toCellule)).toBe(true);
    expect(mayAnswer([{ role: 'regional', region: '84' }], toCellule)).toBe(false);
    expect(mayAnswer([{ role: 'territorial', territoire: 'ti-9301' }], toOperator)).toBe(false);
  });

  it('shows a request to its territory, region, addressed organisation and national only', () => {
    expect(mayRead([{ role: 'territorial', territoire: 'ti-9301' }], toOperator)).toBe(true);
    expect(mayRead([{ role: 'territorial', territoire: 'ti-9302' }], toOperator)).toBe(false);
    expect(mayRead([{ role: 'regional', region: '93' }], toOperator)).toBe(true);
    expect(mayRead([{ role: 'partner', organisation: 'ademe' }], toOperator)).toBe(false);
    expect(mayRead([{ role: 'partner', organisation: 'bpifrance' }], toCellule)).toBe(false);
  });
});

describe('due dates and figures', () => {
  it('sets the due date 15 calendar days after reaching the addressee', () => {
    expect(dueDate(new Date('2024-02-20T18:00:00Z'))).toBe('2024-03-06');
    expect(dueDate('2024-12-20')).toBe('2025-01-04');
    expect(isLate('en-instruction', '2024-03-06', '2024-03-07')).toBe(true);
    expect(isLate('favorable', '2024-03-06', '2024-03-07')).toBe(false);
    expect(isLate('nouvelle', '2024-03-06', '2024-03-06')).toBe(false);
  });

  it('computes number, median answer time and share favourable', () => {
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    const facts: SollicitationFact[] = [
      {
        statut: 'favorable',
        createdAt: at('2024-01-01'),
        decidedAt: at('2024-01-05'),
        echeance: '2024-01-16',
      },
      {
        statut: 'favorable',
        createdAt: at('2024-01-01'),
        decidedAt: at('2024-01-11'),
        echeance: '2024-01-16',
      },
      {
        statut: 'declinee',
        createdAt: at('2024-01-01'),
        decidedAt: at('2024-01-21'),
        echeance: '2024-01-16',
      },
      { statut: 'en-instruction', createdAt: at('2024-01-01'), decidedAt: null, echeance: '2024-01-16' },
    ];
    const figures = summarize(facts, '2024-02-01');
    expect(figures).toMatchObject({
      nombre: 4,
      enCours: 1,
      enRetard: 1,
      decidees: 3,
      favorables: 2,
      declinees: 1,
    });
    expect(figures.delaiMedianJours).toBe(10);
    expect(figures.partFavorable).toBe(66.7);
    expect(summarize([], '2024-02-01')).toMatchObject({
      nombre: 0,
      delaiMedianJours: null,
      partFavorable: null,
    });
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});

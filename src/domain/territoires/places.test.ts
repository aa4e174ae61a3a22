import { describe, expect, it } from 'vitest';
import { createPlaceLookup, mainCommune, mainDepartement } from './places';

describe('createPlaceLookup', () => {
  const places = createPlaceLookup({
    communes: [['71076', { nom: 'Chalon-sur-Saône', dep: '71', reg: '27', tiId: 'ti-2701' }]],
    sirens: [['552100554', { communeInsee: '71076' }]],
    territories: [{ id: 'ti-2701', nom: 'Grand Chalon', reg: '27' }],
    regions: [{ code: '27', nom: 'Bourgogne-Franche-Comté' }],
  });

  it('finds communes, SIREN, territories by id or name and regions by code or name', () => {
    expect(places.commune('71076')?.tiId).toBe('ti-2701');
    expect(places.siren('552100554')).toEqual({ communeInsee: '71076' });
    expect(places.territory('TI-2701')?.id).toBe('ti-2701');
    expect(places.territory('grand  chalon')?.id).toBe('ti-2701');
    expect(places.region('bourgogne franche comte')).toBe('27');
    expect(places.region('27')).toBe('27');
    expect(places.territory('Atlantide')).toBeUndefined();
  });
});

describe('territory helpers', () => {
  const territory = {
    id: 't',
    nom: 'T',
    regionCode: '27',
    communes: [
      { insee: '1', nom: 'Petite', dep: '21', population: 100 },
      { insee: '2', nom: 'Grande', dep: '71', population: 5000 },
      { insee: '3', nom: 'Moyenne', dep: '21', population: 1000 },
    ],
  };
  it('names the main commune and département', () => {
    expect(mainCommune(territory).nom).toBe('Grande');
    expect(mainDepartement(territory)).toBe('71');
  });
});

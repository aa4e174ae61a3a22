import { actionsModule } from './actions/module';
import { campagnesModule } from './campagnes/module';
import { comptesModule } from './comptes/module';
import { financementsModule } from './financements/module';
import { foncierModule } from './foncier/module';
import { gouvernanceModule } from './gouvernance/module';
import { offresModule } from './offres/module';
import type { ServerModule } from './platform/module';
import { portraitsModule } from './portraits/module';
import { tableauxDeBordModule } from './tableaux-de-bord/module';
import { territoiresModule } from './territoires/module';

// The platform's capabilities, in load order (reference data first, then what builds on it).
export const MODULES: ServerModule[] = [
  territoiresModule,
  comptesModule,
  actionsModule,
  campagnesModule,
  portraitsModule,
  tableauxDeBordModule,
  offresModule,
  financementsModule,
  foncierModule,
  gouvernanceModule,
];

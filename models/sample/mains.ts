import { pt, type SiteDraft } from '../siteDraft';
import { DUCTILE_2005, PE_2010 } from './equipment';
import { MAIN_Z } from './layout';

/**
 * The buried main of the sample site, from the street connection through the level-1 meter to
 * the junctions where each metered system branches off.
 */

/** Junctions on the buried main where the metered systems branch off. */
export interface Feeds {
  readonly gate: string;
  readonly landscape: string;
  readonly office: string;
  readonly cooling: string;
  readonly canteen: string;
  readonly bath: string;
  readonly laundry: string;
  readonly barber: string;
}

/**
 * Street connection → DN100 → level-1 meter in the gate pit; then the main runs north along
 * the west edge and east along the south facades, tapering DN100 → 80 → 65 → 25 as branches
 * leave it.
 */
export function layMains(d: SiteDraft): Feeds {
  d.node('street', 'source', pt(-18, -44, MAIN_Z));
  d.meter('M1-main', 1, 'street', pt(-18, -36, MAIN_Z), 100, DUCTILE_2005);
  const gate = d.main('main-gate', 'M1-main', pt(-18, -33, MAIN_Z), 100, DUCTILE_2005);
  const landscape = d.main('main-sw', gate, pt(-18, -3, MAIN_Z), 80, DUCTILE_2005);
  const office = d.main('main-office', landscape, pt(30.8, -3, MAIN_Z), 80, DUCTILE_2005);
  const cooling = d.main('main-cooling', office, pt(31.6, -3, MAIN_Z), 65, DUCTILE_2005);
  const canteen = d.main('main-annex-1', cooling, pt(78, -3, MAIN_Z), 65, DUCTILE_2005);
  const bath = d.main('main-annex-2', canteen, pt(84, -3, MAIN_Z), 50, PE_2010);
  const laundry = d.main('main-annex-3', bath, pt(90.8, -3, MAIN_Z), 40, PE_2010);
  const barber = d.main('main-annex-4', laundry, pt(97, -3, MAIN_Z), 25, PE_2010);
  return { gate, landscape, office, cooling, canteen, bath, laundry, barber };
}

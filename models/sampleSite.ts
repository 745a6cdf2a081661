import { layAnnex } from './sample/annex';
import { NAMEPLATES } from './sample/equipment';
import { layGuardHouse } from './sample/guardHouse';
import { named } from './sample/layout';
import { layMains } from './sample/mains';
import { layOfficeBuilding } from './sample/officeBuilding';
import { layLandscape, roof } from './sample/outdoor';
import { SITE_SCHEMA_VERSION, type Site } from './site';
import { SiteDraft } from './siteDraft';

/**
 * The sample site shipped with the product (DESIGN §4): a five-storey county water-bureau
 * office building for about 120 staff, a two-storey annex with canteen, bathhouse, laundry and
 * barber room, a guard house, about 2,000 m² of landscaping, and a three-level meter tree.
 *
 * Everything is invented but plausible for a building fitted out in 2005 and partly renovated
 * since. World metres: x east, y north, z up; site datum is ground-floor level. The office
 * building stands on [0, 60] × [0, 18], the annex east of it on [72, 100] × [0, 20], and the
 * street connection is south-west of both.
 */
export function buildSampleSite(): Site {
  const draft = new SiteDraft({ nameplates: NAMEPLATES, label: 'sample site' });
  const feeds = layMains(draft);
  const guardHouse = layGuardHouse(draft, feeds.gate);
  const office = layOfficeBuilding(draft, feeds.office, feeds.cooling);
  const annex = layAnnex(draft, feeds);
  const irrigatedAreas = layLandscape(draft, feeds.landscape, feeds.gate);

  return {
    schemaVersion: SITE_SCHEMA_VERSION,
    id: 'county-water-bureau',
    name: named('示例县水利局机关办公区', 'Example County Water Resources Bureau'),
    timeZone: 'Asia/Shanghai',
    location: { latDeg: 43.88, lonDeg: 125.32 },
    staff: 120,
    dailyVisitors: 30,
    // No made-up price: the tariff stays unset until the bureau enters its own (DESIGN §4).
    tariff: {},
    quota: {
      advancedM3PerPersonYear: 10,
      generalM3PerPersonYear: 15,
      source:
        'MWR 《服务业用水定额：机关》 north region ' +
        '(values unconfirmed, see reference/domain.md §2.1)',
      status: 'U',
    },
    buildings: [office, annex, guardHouse],
    fixtures: draft.fixtures,
    outdoor: {
      irrigatedAreas,
      roofs: [roof(office, 'concrete'), roof(annex, 'asphalt'), roof(guardHouse, 'tile')],
    },
    network: draft.network(),
    meters: draft.meters,
  };
}

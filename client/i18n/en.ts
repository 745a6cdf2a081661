import type { MessageKey } from './zh';

/** English interface strings; the type demands exactly the keys of `zh.ts`. */
export const en: Readonly<Record<MessageKey, string>> = {
  'app.title': 'Water-Saving Office Twin',
  'app.subtitle': 'Water Bureau office building',
  'app.loading': 'Loading the twin…',

  'conn.live': 'Live',
  'conn.replay': 'Replay ×{speed}',
  'conn.reconnecting': 'Reconnecting',
  'conn.connecting': 'Connecting',

  'lang.switch': '中文',
  'lang.switchTitle': '切换到中文',

  'kpi.today': "Today's use",
  'kpi.flow': 'Flow, last hour',
  'kpi.perCapita': 'Per capita today',
  'kpi.clock': 'Twin clock',

  'unit.m3': 'm³',
  'unit.Lps': 'L/s',
  'unit.m3h': 'm³/h',
  'unit.perPerson': 'L/person',

  'floor.label': 'Floor',
  'floor.all': 'All floors',

  'tree.title': 'Metering network',
  'tree.level': 'Level {level}',
  'tree.unmetered': 'Unmetered',
  'tree.unmeteredTitle': "This meter's flow minus the sum of its sub-meters",
  'tree.empty': 'No meters',

  'meter.noData': 'No data',
  'meter.flagged': 'Flagged data',

  'chart.title': 'Hourly water use',
  'chart.range24h': '24 h',
  'chart.range7d': '7 days',
  'chart.volume': 'Volume (L)',
  'chart.loading': 'Loading…',
  'chart.error': 'Could not load the data',
  'chart.empty': 'No data in this period',
  'chart.close': 'Close',
  'chart.total': 'Total',
  'chart.time': 'Time',

  'roomFn.office': 'Office',
  'roomFn.meeting': 'Meeting room',
  'roomFn.lobby': 'Lobby',
  'roomFn.corridor': 'Corridor',
  'roomFn.toilet': 'Toilet',
  'roomFn.tea_room': 'Tea room',
  'roomFn.canteen_dining': 'Dining hall',
  'roomFn.canteen_kitchen': 'Canteen kitchen',
  'roomFn.bathhouse': 'Bathhouse',
  'roomFn.laundry': 'Laundry',
  'roomFn.barber': 'Barber room',
  'roomFn.cleaning_room': 'Cleaning room',
  'roomFn.plant_room': 'Plant room',
};

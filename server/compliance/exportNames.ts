import type { IndicatorId } from '../../models/compliance';
import type { EndUseCategory } from '../../models/complianceDefaults';
import type { LocalizedName, MeterSupply } from '../../models/site';
import type { IntervalFlag } from '../engine/interval';

/**
 * Names the compliance exports and diagrams print instead of code names, in both interface
 * languages (the same words as the page's translations).
 */

export type ExportLang = 'zh' | 'en';

export const END_USE_NAMES: Readonly<Record<EndUseCategory, LocalizedName>> = {
  sanitary: { zh: '卫生间及盥洗', en: 'Toilets and washing' },
  drinking: { zh: '开水饮用', en: 'Drinking water' },
  bathing: { zh: '洗浴', en: 'Bathing' },
  canteen: { zh: '食堂餐饮', en: 'Canteen' },
  laundry: { zh: '洗衣', en: 'Laundry' },
  barber: { zh: '理发', en: 'Barber' },
  cooling: { zh: '空调冷却', en: 'Cooling' },
  irrigation: { zh: '绿化灌溉', en: 'Irrigation' },
  other: { zh: '其他', en: 'Other' },
};

export const FLAG_NAMES: Readonly<Record<IntervalFlag, LocalizedName>> = {
  estimated_gap: { zh: '缺口估算', en: 'gap estimated' },
  meter_replacement: { zh: '换表', en: 'meter replaced' },
  glitch_decrease: { zh: '读数回退', en: 'register glitch' },
  rollover: { zh: '表底翻转', en: 'rollover' },
  after_rebase: { zh: '重新基准', en: 'rebased' },
  source_reset: { zh: '计数器重置', en: 'counter reset' },
  register_reset: { zh: '表底重置', en: 'register reset' },
  reverse_flow: { zh: '反向流量', en: 'reverse flow' },
};

export const SUPPLY_NAMES: Readonly<Record<MeterSupply, LocalizedName>> = {
  potable: { zh: '自来水', en: 'Potable' },
  greywater: { zh: '中水', en: 'Greywater' },
  condensate: { zh: '空调冷凝水', en: 'AC condensate' },
  rain: { zh: '雨水', en: 'Rainwater' },
};

export const INDICATOR_NAMES: Readonly<Record<IndicatorId, string>> = {
  level1MeteringRate: '一级计量率 Level-1 metering rate',
  level2MeteringRate: '二级计量率 Level-2 metering rate',
  level3MeteringRate: '三级计量率 Level-3 metering rate',
  meteringCoverage: '计量器具配备率 Metering coverage',
  leakRate: '管网漏损率 Pipe-network leak rate',
  perCapita: '人均用水量 Per-capita use (m³/person·a)',
  waterSavingFixtures: '节水器具普及率 Water-saving fixtures',
  nonConventionalShare: '非常规水利用率 Non-conventional water',
  efficientIrrigation: '高效节水灌溉率 Efficient irrigation',
};

/** The name of an end use; an unknown key is printed as it is. */
export function endUseName(key: string, lang: ExportLang): string {
  return (END_USE_NAMES as Record<string, LocalizedName | undefined>)[key]?.[lang] ?? key;
}

/** Flag counts as `name ×n; …`; an unknown flag is printed by its code. */
export function flagText(flags: Readonly<Partial<Record<string, number>>>, lang: ExportLang) {
  return Object.entries(flags)
    .map(([flag, n]) => {
      const name = (FLAG_NAMES as Record<string, LocalizedName | undefined>)[flag]?.[lang];
      return `${name ?? flag} ×${n}`;
    })
    .join('; ');
}

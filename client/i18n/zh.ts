/**
 * Chinese interface strings, the default language. This object defines the set of message
 * keys; `en.ts` must provide exactly the same keys. `{name}` marks a value filled in by `t()`.
 */
export const zh = {
  'app.title': '节水机关数字孪生',
  'app.subtitle': '水利局机关办公楼',
  'app.loading': '正在加载孪生模型…',

  'conn.live': '实时',
  'conn.replay': '回放 ×{speed}',
  'conn.reconnecting': '重连中',
  'conn.connecting': '连接中',

  'lang.switch': 'EN',
  'lang.switchTitle': 'Switch to English',

  'kpi.today': '今日用水',
  'kpi.flow': '近1小时流量',
  'kpi.perCapita': '今日人均',
  'kpi.clock': '孪生时钟',

  'unit.m3': 'm³',
  'unit.Lps': 'L/s',
  'unit.m3h': 'm³/h',
  'unit.perPerson': 'L/人',

  'floor.label': '楼层',
  'floor.all': '全部楼层',

  'tree.title': '计量网络',
  'tree.level': '{level}级表',
  'tree.unmetered': '未计量',
  'tree.unmeteredTitle': '本表流量减去下级表流量之和',
  'tree.empty': '暂无水表',

  'meter.noData': '无数据',
  'meter.flagged': '数据待核',

  'chart.title': '逐时用水量',
  'chart.range24h': '24 小时',
  'chart.range7d': '7 天',
  'chart.volume': '用水量 (L)',
  'chart.loading': '加载中…',
  'chart.error': '数据加载失败',
  'chart.empty': '该时段无数据',
  'chart.close': '关闭',
  'chart.total': '合计',
  'chart.time': '时间',

  'roomFn.office': '办公室',
  'roomFn.meeting': '会议室',
  'roomFn.lobby': '大厅',
  'roomFn.corridor': '走廊',
  'roomFn.toilet': '卫生间',
  'roomFn.tea_room': '开水间',
  'roomFn.canteen_dining': '餐厅',
  'roomFn.canteen_kitchen': '食堂厨房',
  'roomFn.bathhouse': '浴室',
  'roomFn.laundry': '洗衣房',
  'roomFn.barber': '理发室',
  'roomFn.cleaning_room': '保洁间',
  'roomFn.plant_room': '设备间',
} as const;

/** Every message key of the interface. */
export type MessageKey = keyof typeof zh;

/**
 * `data-testid` values shared by the app and the e2e tests (import this module from tests;
 * it has no DOM or React dependency). Change a value here and both sides follow.
 */
export const testIds = {
  /** The top bar: brand, KPI tiles and actions. */
  topbar: 'topbar',
  /** The 3D canvas wrapper. */
  canvas: 'twin-canvas',
  kpiToday: 'kpi-today',
  kpiFlow: 'kpi-flow',
  kpiPerCapita: 'kpi-per-capita',
  kpiClock: 'kpi-clock',
  /** Connection indicator; its `data-state` is `connecting`, `live`, `replay` or `reconnecting`. */
  connection: 'connection-indicator',
  languageSwitch: 'language-switch',
  /** Floor selector container; options are `floorOption(floorId)` and `floorOptionAll`. */
  floorSelector: 'floor-selector',
  floorOptionAll: 'floor-option-all',
  floorOption: (floorId: string) => `floor-option-${floorId}`,
  /** 全景: flies the camera back to the whole-site view. */
  resetView: 'reset-view',
  meterTree: 'meter-tree',
  /** A meter in the tree; `data-selected="true"` on the selected one. */
  treeItem: (meterId: string) => `tree-item-${meterId}`,
  /** The unmetered remainder under a parent meter in the tree. */
  treeUnmetered: (meterId: string) => `tree-unmetered-${meterId}`,
  /** A meter's label in the 3D view (HTML overlay). */
  meterLabel: (meterId: string) => `meter-label-${meterId}`,
  /**
   * The chart panel; `data-meter-id` names the meter, `data-state` is loading/ready/empty/error,
   * `data-stale="true"` while it shows the last loaded series because a refresh failed.
   */
  meterChart: 'meter-chart',
  chartRange24h: 'chart-range-24h',
  chartRange7d: 'chart-range-7d',
  chartClose: 'chart-close',
  roomTooltip: 'room-tooltip',
  /** Engineer sign-in control; `data-session` is `unknown`, `visitor` or `engineer`. */
  engineerSession: 'engineer-session',
  engineerSignIn: 'engineer-sign-in',
  engineerTokenInput: 'engineer-token-input',
  engineerSubmit: 'engineer-submit',
  /** The sign-in form's error line (a translated message). */
  engineerError: 'engineer-error',
  engineerSignOut: 'engineer-sign-out',
  /** Opens and closes the data-quality panel (engineers only). */
  qualityToggle: 'quality-toggle',
  /** Data-quality panel; `data-state` is loading/ready/empty/error, `data-count` the rows. */
  qualityPanel: 'quality-panel',
  qualityClose: 'quality-close',
  /** Tabs of the data-quality panel: held-back readings, detection thresholds. */
  qualityTab: (tab: string) => `quality-tab-${tab}`,
  /** The detection-threshold table, one input per setting, its save button and notice. */
  thresholds: 'thresholds',
  thresholdInput: (key: string) => `threshold-input-${key}`,
  thresholdsSave: 'thresholds-save',
  thresholdsNotice: 'thresholds-notice',
  /** A quarantined reading's row; `data-reason` holds the reason code. */
  quarantineRow: (readingId: number) => `quarantine-row-${readingId}`,
  /** Confirms that a quarantined reading's value is in `unit` (`L` or `m3`). */
  confirmUnit: (readingId: number, unit: string) => `confirm-unit-${readingId}-${unit}`,
  dismissReading: (readingId: number) => `dismiss-${readingId}`,
  /** The selected meter's health line in the chart panel; `data-silent`, `data-stuck`. */
  meterHealth: 'meter-health',
  /** Opens and closes the CSV upload page (engineers only). */
  importToggle: 'import-toggle',
  /** The upload page; `data-state` is idle/preview/import/previewed/imported/error. */
  importPanel: 'import-panel',
  importClose: 'import-close',
  importFile: 'import-file',
  /** The chosen file's name and size, or the size limit before one is chosen. */
  importFileInfo: 'import-file-info',
  importPreset: 'import-preset',
  importMapping: 'import-mapping',
  importPreview: 'import-preview',
  importRun: 'import-run',
  /** The page's error line (a translated message). */
  importError: 'import-error',
  /** An import's report; `data-dry-run` says whether anything was stored. */
  importSummary: 'import-summary',
  /** A figure of the report: `rows`, `readings`, `rejected`, `unmapped`, `empty`, `first`, `last`. */
  importStat: (name: string) => `import-stat-${name}`,
  importMeterRow: (meterId: string) => `import-meter-${meterId}`,
  /** Sections of the report; `data-count` is the list's full count. */
  importFlagged: 'import-flagged',
  importRejected: 'import-rejected',
  importNotes: 'import-notes',
  importPreviewTable: 'import-preview-table',
  /** The open-alert list; `data-count` is the number of unresolved alerts. */
  alertList: 'alert-list',
  /** An alert in the list; `data-status`, `data-selected="true"` on the open one. */
  alertItem: (alertId: number) => `alert-item-${alertId}`,
  /** An alert's evidence panel; `data-alert-id`, `data-detector`, `data-points`. */
  alertEvidence: 'alert-evidence',
  alertListItems: 'alert-list-items',
  alertEvidenceSpan: 'alert-evidence-span',
  alertClose: 'alert-close',
  /** The engineer's note and acknowledge button (absent for visitors). */
  alertAckNote: 'alert-ack-note',
  alertAck: 'alert-ack',
  /** The acknowledge form's error line (a translated message). */
  alertAckError: 'alert-ack-error',
  /** Opens and closes the retrofit planner (anyone may view; engineers edit). */
  plannerToggle: 'planner-toggle',
  /**
   * The planner; `data-state` is loading/ready/error, `data-editable` for engineers,
   * `data-loaded` once the scenarios saved on the server are shown.
   */
  plannerPanel: 'planner-panel',
  plannerClose: 'planner-close',
  /** A scenario's tab; `data-selected="true"` on the one being edited. */
  plannerTab: (index: number) => `planner-tab-${index}`,
  plannerAdd: 'planner-add',
  /** A fixture type's target grade: `0` keeps what is installed. */
  plannerGrade: (fixtureType: string) => `planner-grade-${fixtureType}`,
  /** Where a fixture type's swap applies: `fn:<room function>` or `room:<room id>`. */
  plannerSwapRoom: (fixtureType: string) => `planner-swap-room-${fixtureType}`,
  /** One choice of a measure, e.g. `plannerChoice('rain-use', 'irrigation')`. */
  plannerChoice: (group: string, option: string) => `planner-choice-${group}-${option}`,
  /** The edited scenario's name. */
  plannerName: 'planner-name',
  /** Saving to the server: `data-state` idle, saving, saved or failed. */
  plannerSaveState: 'planner-save-state',
  plannerRainOn: 'planner-rain-on',
  plannerRainTank: 'planner-rain-tank',
  /** Yearly potable m³ saved by a scenario; `data-value` holds the unrounded figure. */
  plannerSaved: (index: number) => `planner-saved-${index}`,
  /** Yearly m³ a supply replaces in a scenario; `data-value` holds the unrounded figure. */
  plannerReplaced: (source: string, index: number) => `planner-replaced-${source}-${index}`,
  /** Yearly yuan saved, or "tariff not set"; `data-value` is empty without a tariff. */
  plannerYuan: (index: number) => `planner-yuan-${index}`,
  /** Draws the edited scenario's projected flows on the pipes. */
  plannerOnTwin: 'planner-on-twin',
  plannerCsv: 'planner-csv',
  plannerPrint: 'planner-print',
  /** The scenario's refusal: each field, value and rule. */
  plannerIssues: 'planner-issues',
  /** The banner over the 3D view while a projection is drawn on the pipes. */
  projectionBanner: 'projection-banner',
  /** Plays or pauses the replay of the projected typical day; `data-playing` is true/false. */
  projectionPlay: 'projection-play',
  /** The hour of the typical day the pipes show; `data-hour` is 0–23, empty for day means. */
  projectionHour: 'projection-hour',
  /** The top-bar link to the compliance page. */
  complianceLink: 'compliance-link',
  /** The compliance page; `data-state` is loading/ready/error for the period's report. */
  compliancePage: 'compliance-page',
  complianceFrom: 'compliance-from',
  complianceTo: 'compliance-to',
  /** An indicator card; `data-pass` is true, false or empty, `data-value` the raw value. */
  complianceIndicator: (id: string) => `compliance-indicator-${id}`,
  /** The balance table; a row is `complianceBalanceRow(meterId)`, cells carry `data-value`. */
  complianceBalance: 'compliance-balance',
  complianceBalanceRow: (meterId: string) => `compliance-balance-row-${meterId}`,
  /** The balance diagram (SVG); `data-links` counts the drawn links. */
  complianceSankey: 'compliance-sankey',
  /** Under the balance table when reused water entered: total = potable + non-conventional. */
  complianceBalanceSplit: 'compliance-balance-split',
  /** The metering network diagram (SVG); a meter's box is `complianceNetworkMeter(id)`. */
  complianceNetwork: 'compliance-network',
  complianceNetworkMeter: (meterId: string) => `compliance-network-${meterId}`,
  /** The ledger table; `data-state` as for the page. */
  complianceLedger: 'compliance-ledger',
  /** The scorecard; `data-total` holds the total points. */
  complianceScorecard: 'compliance-scorecard',
  complianceScoreEdit: (itemId: string) => `compliance-score-edit-${itemId}`,
  complianceScorePoints: 'compliance-score-points',
  complianceScoreNote: 'compliance-score-note',
  complianceScoreSave: 'compliance-score-save',
  /** The engineer settings of the report; a share row is `complianceShare(category)`. */
  complianceSettings: 'compliance-settings',
  complianceShares: 'compliance-shares',
  complianceShare: (category: string) => `compliance-share-${category}`,
  complianceSharesSave: 'compliance-shares-save',
  complianceUnmetered: 'compliance-unmetered',
  complianceUnmeteredM3: 'compliance-unmetered-m3',
  complianceUnmeteredNote: 'compliance-unmetered-note',
  complianceUnmeteredAdd: 'compliance-unmetered-add',
  complianceXlsx: 'compliance-xlsx',
  complianceCsv: 'compliance-csv',
  compliancePrint: 'compliance-print',
} as const;

/** `document.body.dataset.sceneReady` is 'true' once the building has been drawn. */
export const SCENE_READY_ATTRIBUTE = 'data-scene-ready';

/** Name of the test-hook object on `window` (see `testHooks.ts`). */
export const TEST_HOOKS_GLOBAL = '__twin';

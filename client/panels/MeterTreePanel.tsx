import { useMemo } from 'react';
import { MeterStatus } from '../../models/protocol';
import { formatLps } from '../format/units';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { METER_LOOK } from '../scene/meterStyle';
import { coversEdge } from '../scene/viewArea';
import { siteIndex } from '../state/siteIndex';
import { uiStore, useUi } from '../state/uiStore';
import { useLive, useThrottledLive } from '../state/useLive';
import { testIds } from '../testIds';
import { buildTreeRows, unmeteredLps } from './meterTreeModel';

/**
 * The meter tree, level 1 → 2 → 3, with the live flow at each meter and, under each meter with
 * sub-meters, the unmetered remainder. Clicking a meter selects it like clicking its marker.
 */
export function MeterTreePanel() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const selectedId = useUi((s) => s.selectedMeterId);
  const site = useLive((s) => s.site);
  const topology = useLive((s) => s.topology);
  const flows = useThrottledLive((s) => s.tick?.meterFlowLps ?? null);
  const statuses = useThrottledLive((s) => s.tick?.meterStatus ?? null);
  const rows = useMemo(() => (topology ? buildTreeRows(topology) : []), [topology]);
  // A meter without data has no flow, rather than a flow of 0.
  const knownFlows = useMemo(
    () =>
      flows?.map((q, i) =>
        (statuses?.[i] ?? MeterStatus.noData) === MeterStatus.noData ? null : q,
      ) ?? null,
    [flows, statuses],
  );
  if (!site || !topology) return null;
  const meters = siteIndex(site).meters;

  return (
    <section className="panel tree-panel" data-testid={testIds.meterTree} {...coversEdge('left')}>
      <h2 className="panel-title">{t('tree.title')}</h2>
      {rows.length === 0 && <p className="muted">{t('tree.empty')}</p>}
      <ul className="tree">
        {rows.map((row) => {
          const entry = meters.get(row.meterId);
          const level = topology.meters[row.index]?.level ?? 3;
          const flow = knownFlows?.[row.index] ?? null;
          const noData = flow === null;
          const remainder = knownFlows ? unmeteredLps(row, knownFlows) : null;
          const selected = row.meterId === selectedId;
          return (
            <li key={row.meterId} style={{ paddingLeft: `${row.depth * 14}px` }}>
              <button
                type="button"
                className={selected ? 'tree-item selected' : 'tree-item'}
                data-testid={testIds.treeItem(row.meterId)}
                data-selected={selected}
                data-level={level}
                onClick={() => uiStore.getState().selectMeter(row.meterId)}
                onPointerEnter={() => uiStore.getState().setHoveredMeter(row.meterId)}
                onPointerLeave={() => uiStore.getState().setHoveredMeter(null)}
              >
                <span className="tree-dot" style={{ background: METER_LOOK[level].color }} />
                <span className="tree-name" title={t('tree.level', { level })}>
                  {entry ? localName(entry.meter.serves, lang) : row.meterId}
                </span>
                <span className="tree-flow">
                  {noData ? t('meter.noData') : `${formatLps(flow)} ${t('unit.Lps')}`}
                </span>
              </button>
              {row.childIndexes.length > 0 && (
                <div
                  className={
                    remainder !== null && formatLps(remainder).startsWith('-')
                      ? 'tree-unmetered negative'
                      : 'tree-unmetered'
                  }
                  data-testid={testIds.treeUnmetered(row.meterId)}
                  title={t('tree.unmeteredTitle')}
                  style={{ paddingLeft: `${(row.depth + 1) * 14 + 18}px` }}
                >
                  <span>{t('tree.unmetered')}</span>
                  <span>{`${formatLps(remainder)} ${t('unit.Lps')}`}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { Html } from '@react-three/drei';
import { useCallback, useRef } from 'react';
import { MeterStatus } from '../../models/protocol';
import { formatLitresAsM3, formatLps } from '../format/units';
import { useT } from '../i18n/useT';
import { useThrottledLive } from '../state/useLive';
import { testIds } from '../testIds';
import { registerLabel } from './labelRegistry';
import { METER_LOOK } from './meterStyle';

interface Props {
  readonly meterId: string;
  /** Position of the meter in the tick arrays. */
  readonly index: number;
  readonly level: 1 | 2 | 3;
  readonly name: string;
  /** Where the label's tip points, three.js coordinates. */
  readonly position: readonly [number, number, number];
  readonly selected: boolean;
  readonly hovered: boolean;
}

/** Overlap rank (lower wins): the selected meter, the hovered one, then by level. */
function labelRank(level: 1 | 2 | 3, selected: boolean, hovered: boolean): number {
  if (selected) return 0;
  if (hovered) return 1;
  return level + 1;
}

/**
 * A meter's live label: name, flow now and today's volume, refreshed about twice a second.
 * It lets clicks through to the canvas, so a label never hides the marker it points at from a
 * click; the marker and the tree item are what select a meter.
 */
export function MeterLabel({ meterId, index, level, name, position, selected, hovered }: Props) {
  const t = useT();
  const rank = useRef(0);
  rank.current = labelRank(level, selected, hovered);
  // drei's Html renders into its own React root, so the element arrives through a callback ref.
  const register = useCallback(
    (element: HTMLDivElement | null) =>
      element
        ? registerLabel(meterId, { element, rank: () => rank.current, order: index })
        : undefined,
    [meterId, index],
  );
  const flow = useThrottledLive((s) => s.tick?.meterFlowLps[index] ?? null);
  const todayL = useThrottledLive((s) => s.tick?.meterTodayL[index] ?? null);
  const status = useThrottledLive((s) => s.tick?.meterStatus[index] ?? MeterStatus.noData);

  const values =
    status === MeterStatus.noData
      ? t('meter.noData')
      : `${formatLps(flow)} ${t('unit.Lps')} · ${formatLitresAsM3(todayL)} ${t('unit.m3')}`;

  return (
    <Html position={[position[0], position[1], position[2]]} zIndexRange={[5, 0]}>
      <div
        ref={register}
        className={`meter-label level-${level}${selected ? ' selected' : ''}`}
        style={{ borderColor: METER_LOOK[level].color }}
        data-testid={testIds.meterLabel(meterId)}
        data-status={status}
        title={status === MeterStatus.flagged ? t('meter.flagged') : undefined}
      >
        <span className="meter-label-name">
          {status === MeterStatus.flagged && <span className="meter-label-flag">⚠ </span>}
          {name}
        </span>
        <span className="meter-label-values">{values}</span>
      </div>
    </Html>
  );
}

import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { useMemo } from 'react';
import type { BalanceNode, BalanceReport } from '../../models/compliance';
import type { MessageKey } from '../i18n/index';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { formatM3 } from './format';

/** Drawing size in SVG units; the SVG scales to its column. */
const WIDTH = 1100;
const HEIGHT = 440;
/** Room left and right of the node columns; labels stand right of their node. */
const MARGIN = { left: 8, right: 130 };

const COLOURS: Readonly<Record<string, string>> = {
  level1: '#1e90ff',
  level2: '#4fc3ff',
  level3: '#7fe3ff',
  endUse: '#3ddc97',
  reused: '#b388ff',
  loss: '#ff6b6b',
  consumed: '#ffb020',
  discharged: '#8fa8c6',
};
const colourOf = (n: BalanceNode) =>
  COLOURS[n.kind === 'meter' ? `level${n.level ?? 1}` : n.kind] ?? '#8fa8c6';

/**
 * Column of a node: reused water beside the intake, meters by level, then end uses, then where
 * the water goes.
 */
const columnOf = (n: BalanceNode) =>
  n.kind === 'reused' ? 0 : n.kind === 'meter' ? (n.level ?? 1) - 1 : n.kind === 'endUse' ? 3 : 4;

interface NodeExtra {
  readonly node: BalanceNode;
}
interface LinkExtra {
  readonly m3: number;
}

/**
 * The balance diagram (a Sankey laid out by d3-sankey): from the level-1 meter through the
 * level-2 and level-3 meters to end uses and losses, and on to consumed and discharged water;
 * reused water (greywater, condensate, rain) enters through its own meters.
 */
export function BalanceSankey({ balance }: { readonly balance: BalanceReport }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const layout = useMemo(() => {
    if (balance.links.length === 0) return null;
    const generator = sankey<NodeExtra, LinkExtra>()
      .nodeId((d) => d.node.id)
      .nodeAlign((d) => columnOf(d.node))
      .nodeWidth(12)
      .nodePadding(10)
      .extent([
        [MARGIN.left, 6],
        [WIDTH - MARGIN.right, HEIGHT - 6],
      ]);
    return generator({
      nodes: balance.nodes.map((node) => ({ node })),
      links: balance.links.map((l) => ({
        source: l.source,
        target: l.target,
        value: l.m3,
        m3: l.m3,
      })),
    });
  }, [balance]);

  if (!layout) return null;
  const name = (n: BalanceNode) =>
    n.kind === 'loss' || n.kind === 'consumed' || n.kind === 'discharged' || n.kind === 'reused'
      ? t(`cmp.node.${n.kind}` as MessageKey)
      : n.kind === 'endUse'
        ? t(`cmp.fn.${n.id.slice(4)}` as MessageKey)
        : localName(n.name, lang);
  const path = sankeyLinkHorizontal<NodeExtra, LinkExtra>();
  return (
    <svg
      className="cmp-sankey"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('cmp.sankey.title')}
      data-testid={testIds.complianceSankey}
      data-links={layout.links.length}
    >
      <g fill="none">
        {layout.links.map((l) => {
          const source = l.source as { node: BalanceNode };
          return (
            <path
              key={`${source.node.id}>${(l.target as { node: BalanceNode }).node.id}`}
              d={path(l) ?? ''}
              stroke={colourOf(source.node)}
              strokeOpacity={0.35}
              strokeWidth={Math.max(1, l.width ?? 1)}
            >
              <title>{`${formatM3(l.m3)} m³`}</title>
            </path>
          );
        })}
      </g>
      {layout.nodes.map((n) => {
        const x0 = n.x0 ?? 0;
        const x1 = n.x1 ?? 0;
        const y0 = n.y0 ?? 0;
        const y1 = n.y1 ?? 0;
        return (
          <g key={n.node.id}>
            <rect
              x={x0}
              y={y0}
              width={x1 - x0}
              height={Math.max(1, y1 - y0)}
              fill={colourOf(n.node)}
            />
            <text x={x1 + 6} y={(y0 + y1) / 2} dy="0.35em" className="cmp-sankey-label">
              {`${name(n.node)} ${formatM3(n.value)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

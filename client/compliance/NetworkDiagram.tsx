import type { NetworkMeter } from '../../models/compliance';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';

/** Box and spacing of a meter, SVG units; levels are columns, leaves rows. */
const BOX = { width: 250, height: 62 };
const COLUMN = 330;
const ROW = 74;
const PAD = 10;

interface Placed {
  readonly meter: NetworkMeter;
  readonly x: number;
  readonly y: number;
}

/** Places meters left to right by level; leaves take rows in tree order, parents centre on them. */
export function layoutNetwork(meters: readonly NetworkMeter[]): {
  placed: Placed[];
  width: number;
  height: number;
} {
  const children = new Map<string | null, NetworkMeter[]>();
  for (const m of meters) children.set(m.parentId, [...(children.get(m.parentId) ?? []), m]);
  const placed: Placed[] = [];
  let row = 0;
  const place = (m: NetworkMeter): number => {
    const kids = children.get(m.id) ?? [];
    const ys = kids.map(place);
    const y = ys.length === 0 ? PAD + row++ * ROW : (Math.min(...ys) + Math.max(...ys)) / 2;
    placed.push({ meter: m, x: PAD + (m.level - 1) * COLUMN, y });
    return y;
  };
  for (const root of children.get(null) ?? []) place(root);
  const levels = Math.max(1, ...meters.map((m) => m.level));
  return { placed, width: PAD * 2 + (levels - 1) * COLUMN + BOX.width, height: PAD + row * ROW };
}

const LEVEL_CLASS = ['', 'lv1', 'lv2', 'lv3'] as const;

/** The metering network diagram (计量网络图): every meter, its level, serial, DN and area. */
export function NetworkDiagram({ meters }: { readonly meters: readonly NetworkMeter[] }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const { placed, width, height } = layoutNetwork(meters);
  const at = new Map(placed.map((p) => [p.meter.id, p]));
  return (
    <section className="cmp-section" id="cmp-network">
      <h2>{t('cmp.network.title')}</h2>
      <p className="cmp-muted">{t('cmp.network.note')}</p>
      <svg
        className="cmp-network"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: `${width}px` }}
        role="img"
        aria-label={t('cmp.network.title')}
        data-testid={testIds.complianceNetwork}
      >
        {placed.map(({ meter, x, y }) => {
          const parent = meter.parentId === null ? undefined : at.get(meter.parentId);
          if (!parent) return null;
          const fromX = parent.x + BOX.width;
          const midX = fromX + (x - fromX) / 2;
          const fromY = parent.y + BOX.height / 2;
          const toY = y + BOX.height / 2;
          return (
            <path
              key={`link-${meter.id}`}
              className="cmp-network-link"
              d={`M${fromX},${fromY} H${midX} V${toY} H${x}`}
            />
          );
        })}
        {placed.map(({ meter, x, y }) => (
          <g
            key={meter.id}
            transform={`translate(${x},${y})`}
            className={`cmp-network-meter ${LEVEL_CLASS[meter.level]}`}
            data-testid={testIds.complianceNetworkMeter(meter.id)}
          >
            <rect width={BOX.width} height={BOX.height} rx={6} />
            <text x={10} y={19} className="name">
              {`${t('tree.level', { level: meter.level })} · ${localName(meter.serves, lang)}`}
            </text>
            <text x={10} y={37} className="detail">
              {`${meter.serial}${meter.diameterMm === null ? '' : ` · DN${meter.diameterMm}`}`}
            </text>
            <text x={10} y={53} className="detail">
              {`${meter.id} · ${t('cmp.network.class', { n: meter.accuracyClass })} · ${t(
                'cmp.network.fixtures',
                { n: meter.fixtures },
              )}`}
            </text>
          </g>
        ))}
      </svg>
    </section>
  );
}

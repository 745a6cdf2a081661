import type { Projection } from './projection';

/**
 * A projection as JSON carries it: the rain tank's daily series become plain arrays (typed
 * arrays would serialise as objects keyed by index). Everything else is already plain data.
 */
export type ProjectionWire = Omit<Projection, 'rainwater'> & {
  readonly rainwater: {
    readonly inflowM3: readonly number[];
    readonly demandM3: readonly number[];
  } | null;
};

export function projectionToWire(projection: Projection): ProjectionWire {
  const { rainwater } = projection;
  return {
    ...projection,
    rainwater: rainwater
      ? { inflowM3: Array.from(rainwater.inflowM3), demandM3: Array.from(rainwater.demandM3) }
      : null,
  };
}

import { useEffect } from 'react';
import { PROTOCOL_VERSION } from '../../models/protocol';
import type { PublicFlows, PublicScene as PublicSceneBody } from '../../models/share';
import { createLogger } from '../log';
import { requestJson } from '../net/api';
import { TwinCanvas } from '../scene/TwinCanvas';
import { liveStore } from '../state/liveStore';

const log = createLogger('public');

/** How often the public scene asks for fresh flows, ms (wall time). */
const FLOWS_MS = 10_000;

/**
 * The building in 3D on the public page, drawn by the twin's own scene from the public scene
 * endpoint: opaque ids and display names only, no socket. The first answer stands in for the
 * realtime snapshot; later ones bring the latest tick, applied as the socket's ticks are.
 */
export function PublicScene({ token }: { readonly token: string }) {
  useEffect(() => {
    const base = `/api/v1/public/${encodeURIComponent(token)}`;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const live = liveStore.getState();

    const refresh = async () => {
      try {
        const { state } = await requestJson<PublicFlows>(`${base}/flows`);
        if (!stopped && state) liveStore.getState().applyTick(state);
      } catch (err) {
        // A failed refresh keeps the flows on screen; the figures above say when they are from.
        log.debug('public flows failed', { message: String(err) });
      } finally {
        if (!stopped) timer = setTimeout(refresh, FLOWS_MS);
      }
    };

    requestJson<PublicSceneBody>(`${base}/scene`)
      .then((scene) => {
        if (stopped) return;
        live.applySnapshot({
          protocol: PROTOCOL_VERSION,
          // Not shown on the public page; the scene does not read it.
          clock: { mode: 'live' },
          site: scene.site,
          topology: scene.topology,
          state: scene.state,
          tick: scene.state?.tick ?? 0,
        });
        live.setConnection('live');
        timer = setTimeout(refresh, FLOWS_MS);
      })
      .catch((err: unknown) => log.debug('public scene failed', { message: String(err) }));

    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [token]);

  return (
    <section className="public-scene" data-testid="public-scene">
      <TwinCanvas kiosk />
    </section>
  );
}

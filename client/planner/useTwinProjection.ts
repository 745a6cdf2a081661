import { useEffect } from 'react';
import type { RetrofitContextResponse } from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import { fixtureHours } from '../../simulations/retrofit/fixtureFlows';
import { projectionStore } from '../state/projectionStore';
import { useLive } from '../state/useLive';
import { projectPipeHours, projectPipes } from './pipeProjection';
import type { ScenarioRun } from './runPlanner';

/**
 * Draws the edited scenario's typical day (its day means, or one hour of it) on the pipes while "on the twin" is chosen, and
 * takes it off when it is not, when the scenario is refused, or when the planner closes.
 */
export function useTwinProjection(
  site: Site,
  context: RetrofitContextResponse | null,
  run: ScenarioRun | undefined,
  name: string,
  onTwin: boolean,
  month: number,
): void {
  const topology = useLive((s) => s.topology);
  useEffect(() => {
    if (!onTwin || !context || !topology || !run?.ok) {
      projectionStore.getState().clear();
      return;
    }
    const period = context.metered?.period;
    const inputs = {
      site,
      scenario: run.scenario,
      weather: context.weather,
      ...(period ? { metered: period } : {}),
    };
    // A working day of the month: the day the building is designed around.
    // Its hours follow the simulator's expected demand and sum to the day.
    const hours = fixtureHours(inputs, run.projection, month, true);
    const days = hours.map((h) => ({
      fixtureId: h.fixtureId,
      beforeL: h.beforeL.reduce((a, v) => a + v, 0),
      afterL: h.afterL.reduce((a, v) => a + v, 0),
    }));
    const day = projectPipes(site, topology.pipes, days);
    projectionStore.getState().show(name, day, projectPipeHours(site, topology.pipes, hours));
  }, [site, context, run, name, onTwin, month, topology]);
  useEffect(() => () => projectionStore.getState().clear(), []);
}

import express, { type Router } from 'express';
import type { Logger } from 'pino';
import {
  applySettingsPatch,
  DEFAULT_DETECTION_SETTINGS,
  type DetectionSettings,
  DetectionSettingsPatch,
  type DetectionSettingView,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  settingViews,
} from '../../models/detectionSettings';
import { ErrorCode } from '../../models/errors';
import { ApiFailure } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { firstIssue } from '../ingest/readingsRoute';
import type { Store } from '../store';

const KV_KEY = 'detectionSettings';

/**
 * The detectors' thresholds as stored settings: the defaults with an engineer's changes, kept
 * in the store so they survive restarts. A stored setting that no longer validates (a bound
 * tightened by an upgrade) falls back to its default and is logged.
 */
export class DetectionSettingsStore {
  private current: DetectionSettings;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {
    const saved = store.kv<Record<string, unknown>>(KV_KEY) ?? {};
    const kept: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) {
      if (!(key in saved)) continue;
      const parsed = SETTING_SCHEMAS[key].safeParse(saved[key]);
      if (parsed.success) kept[key] = parsed.data;
      else this.log.warn({ key, value: saved[key] }, 'stored detection setting ignored');
    }
    const applied = applySettingsPatch(DEFAULT_DETECTION_SETTINGS, kept);
    this.current = applied.ok ? applied.settings : DEFAULT_DETECTION_SETTINGS;
  }

  get(): DetectionSettings {
    return this.current;
  }

  /** Applies a validated change and stores the settings that differ from their defaults. */
  update(patch: DetectionSettingsPatch): DetectionSettings {
    const applied = applySettingsPatch(this.current, patch);
    if (!applied.ok) {
      const path = `body.${applied.path}`;
      const value = { ...this.current, ...patch }[applied.path as keyof DetectionSettings];
      throw new ApiFailure(400, ErrorCode.badRequest, `${path}: ${value} — ${applied.rule}`, [
        { path, value, rule: applied.rule },
      ]);
    }
    const changed = Object.fromEntries(
      SETTING_KEYS.filter(
        (k) =>
          JSON.stringify(applied.settings[k]) !== JSON.stringify(DEFAULT_DETECTION_SETTINGS[k]),
      ).map((k) => [k, applied.settings[k]]),
    );
    this.store.setKv(KV_KEY, changed);
    this.current = applied.settings;
    return this.current;
  }
}

export interface DetectionSettingsResponse {
  readonly settings: readonly DetectionSettingView[];
}

/**
 * `GET /api/v1/detection/settings` (readable by all) lists every threshold with its value,
 * default, unit, source and status; `PATCH` (engineers only) changes some of them.
 */
export function detectionSettingsRoutes(options: {
  readonly settings: DetectionSettingsStore;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}): Router {
  const { settings, sessions } = options;
  const log = options.logger.child({ area: 'detect' });
  const router = express.Router();
  const respond = (s: DetectionSettings): DetectionSettingsResponse => ({
    settings: settingViews(s),
  });

  router.get('/api/v1/detection/settings', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(respond(settings.get()));
  });

  router.patch(
    '/api/v1/detection/settings',
    requireEngineer(sessions),
    express.json({ limit: '8kb' }),
    (req, res) => {
      const parsed = DetectionSettingsPatch.safeParse(req.body ?? {});
      if (!parsed.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, parsed.error));
      }
      const next = settings.update(parsed.data);
      log.info({ changed: Object.keys(parsed.data) }, 'detection settings changed');
      res.json(respond(next));
    },
  );
  return router;
}

/**
 * The client's one logging helper: every line carries a tag naming the area that speaks
 * (`socket`, `chart`, `scene`, …). Info lines are kept out of the console unless the page was
 * opened with `?debug`; warnings and errors always reach it.
 */

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function debugEnabled(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug');
}

export function createLogger(tag: string): Logger {
  const prefix = `[twin:${tag}]`;
  return {
    debug(message, fields) {
      if (debugEnabled()) console.warn(prefix, message, fields ?? '');
    },
    warn(message, fields) {
      console.warn(prefix, message, fields ?? '');
    },
    error(message, fields) {
      console.error(prefix, message, fields ?? '');
    },
  };
}

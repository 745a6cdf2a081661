import pino, { type Logger } from 'pino';

/**
 * The server's logger: one JSON line per event. Silent under test unless LOG_LEVEL says
 * otherwise; areas get child loggers (`ingest`, `socket`, `sim`, `store`).
 */
export function createLogger(level?: string): Logger {
  const underTest = process.env.VITEST !== undefined || process.env.NODE_ENV === 'test';
  return pino({ level: level ?? process.env.LOG_LEVEL ?? (underTest ? 'silent' : 'info') });
}

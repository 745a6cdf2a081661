import { loadConfig } from './config';
import { createLogger } from './logger';
import { SiteLoadError } from './siteLoader';
import { createTwinServer } from './twinServer';

/** Starts the twin from environment variables; see the README's configuration table. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);

  let server: ReturnType<typeof createTwinServer>;
  try {
    server = createTwinServer(config, logger);
  } catch (err) {
    // Nothing starts on a broken site file or mapping; each problem is printed on its own line.
    if (err instanceof SiteLoadError) console.error(err.message);
    else console.error(`cannot start the twin: ${(err as Error).message}`);
    process.exit(1);
  }

  let port: number;
  try {
    port = await server.listen();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (set PORT to another port)`
        : code === 'EACCES'
          ? `no permission to listen on port ${config.port} (ports below 1024 need privileges)`
          : code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL'
            ? `HOST=${config.host} is not an address of this machine`
            : (err as Error).message;
    console.error(`cannot start the twin: ${reason}`);
    process.exit(1);
  }
  server.startTicking();
  logger.info(
    {
      port,
      dataDir: config.dataDir,
      site: config.sitePath,
      sources: config.sources,
      clock: { mode: config.clock.mode, speed: config.clock.speed },
    },
    `twin running at http://localhost:${port}`,
  );

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's broker (`apt-get install mosquitto`; `.ci/run` installs it). */
export const MOSQUITTO = '/usr/sbin/mosquitto';

export interface Mosquitto {
  /** `mqtt://127.0.0.1:<port>`; the same across `stop` and `start`. */
  readonly url: string;
  /** Stops the broker; it saves its sessions and queued messages first. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same persistence. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** A port no one listens on right now, on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a private Mosquitto on a free loopback port, with anonymous access and persistence in
 * a temp folder, so queued QoS 1 messages and sessions survive `stop` and `start`. It does not
 * use (or mind) a system broker that the Debian package may have started on port 1883.
 */
export async function startMosquitto(): Promise<Mosquitto> {
  // Arrange a folder with the config and the persistence file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-mosquitto-'));
  const port = await freePort();
  const config = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      // Started as root, mosquitto switches to the `mosquitto` user, who cannot write `dir`.
      `user ${os.userInfo().username}`,
      `log_dest file ${path.join(dir, 'mosquitto.log')}`,
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;

  const start = async () => {
    const proc = spawn(MOSQUITTO, ['-c', config], { stdio: 'ignore' });
    child = proc;
    let exited = false;
    proc.once('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (exited) throw new Error(`mosquitto exited at start; see ${dir}/mosquitto.log`);
      if (Date.now() > deadline) throw new Error(`mosquitto did not listen on port ${port}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    start,
    stop,
    dispose: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

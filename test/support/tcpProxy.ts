import net from 'node:net';

/**
 * A loopback TCP proxy between a browser and the twin server, so a test can cut the network
 * the way a pulled cable or a dead switch would: every open connection is torn down and new
 * ones are refused until the link is restored. The proxy keeps its port, so the page's
 * address stays the same through the cut.
 */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: the address to open in the browser. */
  readonly url: string;
  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut(): void;
  /** Passes connections through again. */
  restore(): void;
  /** Connections passed through since the start, refused ones not counted. */
  readonly accepted: number;
  /** Connections refused while cut. */
  readonly refused: number;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards to `target` (`http://host:port`). */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let isCut = false;
  let accepted = 0;
  let refused = 0;

  const server = net.createServer((client) => {
    // Cut: answer a connection attempt with a reset, as a host with nothing listening would.
    if (isCut) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    accepted += 1;
    const upstream = net.connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      isCut = true;
      for (const socket of open) {
        // A socket still connecting has no handle to reset; closing it is the same cut.
        if (socket.connecting || socket.destroyed) socket.destroy();
        else socket.resetAndDestroy();
      }
      open.clear();
    },
    restore() {
      isCut = false;
    },
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    async close() {
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import net from 'node:net';

// Below Linux's ephemeral range (32768–60999): a port the kernel hands to some listen(0) or
// outgoing connection after we freed it would make a later listen fail at random.
const LOW = 20_000;
const HIGH = 32_000;

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const handedOut = new Set<number>();

/** A port nothing listens on right now, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (!handedOut.has(port) && (await tryListen(port))) {
      handedOut.add(port);
      return port;
    }
  }
}

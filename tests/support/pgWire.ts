/**
 * What each connection asks PostgreSQL, read on the wire: a TCP proxy in front of the database that
 * follows both directions of the protocol (Protocol › Message Flow,
 * https://www.postgresql.org/docs/current/protocol-flow.html). Per connection (named by the
 * `application_name` of its startup message) it counts statements (each Execute, each simple Query)
 * and round trips: a round trip starts when the client sends while it waits for no answer, and ends
 * when the server is ready again (ReadyForQuery for every Sync and Query sent), so pipelined
 * statements share one.
 */
import net from 'node:net';

export interface ConnectionTraffic {
  application: string;
  statements: string[];
  roundTrips: number;
}

export interface WireCounter {
  /** The database URL with the proxy's address in place of the server's. */
  url: string;
  /** Traffic since the last reset, per connection that had any. */
  traffic(): ConnectionTraffic[];
  reset(): void;
  close(): Promise<void>;
}

const cString = (buf: Buffer, from: number) => {
  const end = buf.indexOf(0, from);
  return { text: buf.toString('utf8', from, end), next: end + 1 };
};

/** Splits a byte stream into typed messages (type byte, then an int32 length that counts itself). */
function framer(onMessage: (type: string, body: Buffer) => void, untypedFirst: boolean) {
  let pending = Buffer.alloc(0);
  let started = !untypedFirst;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        // The startup message has no type byte: its length, then the protocol version and parameters.
        if (pending.length < 4 || pending.length < pending.readInt32BE(0)) return;
        const length = pending.readInt32BE(0);
        onMessage('startup', pending.subarray(8, length));
        pending = pending.subarray(length);
        started = true;
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(String.fromCharCode(pending[0]!), pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

export async function startWireCounter(databaseUrl: string): Promise<WireCounter> {
  const target = new URL(databaseUrl);
  const connections: (ConnectionTraffic & { reset(): void })[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const traffic = {
      application: '',
      statements: [] as string[],
      roundTrips: 0,
      reset() {
        this.statements = [];
        this.roundTrips = 0;
      },
    };
    connections.push(traffic);
    let awaited = 0; // Syncs and Queries the server has not answered with ReadyForQuery yet
    let inTrip = false;
    const prepared = new Map<string, string>();
    let portal = '';

    const fromClient = framer((type, body) => {
      if (type === 'startup') {
        for (let at = 0; at < body.length - 1;) {
          const key = cString(body, at);
          const value = cString(body, key.next);
          if (key.text === 'application_name') traffic.application = value.text;
          at = value.next;
        }
        return;
      }
      if (!inTrip && awaited === 0) {
        inTrip = true;
        traffic.roundTrips++;
      }
      if (type === 'Q') {
        awaited++;
        traffic.statements.push(cString(body, 0).text.trim());
      } else if (type === 'P') {
        const name = cString(body, 0);
        prepared.set(name.text, cString(body, name.next).text);
      } else if (type === 'B') {
        const portalName = cString(body, 0);
        portal = prepared.get(cString(body, portalName.next).text) ?? '';
      } else if (type === 'E') {
        traffic.statements.push(portal.trim());
      } else if (type === 'S') {
        awaited++;
      }
    }, true);
    const fromServer = framer((type) => {
      if (type === 'Z' && awaited > 0 && --awaited === 0) inTrip = false;
    }, false);

    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      fromClient(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      client.write(chunk);
      fromServer(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);

  return {
    url: url.toString(),
    traffic: () =>
      connections
        .filter((c) => c.statements.length > 0 || c.roundTrips > 0)
        .map(({ application, statements, roundTrips }) => ({ application, statements, roundTrips })),
    reset: () => connections.forEach((c) => c.reset()),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

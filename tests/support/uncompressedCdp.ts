import net from 'node:net';

/**
 * A loopback relay in front of Chromium's DevTools socket that takes `Sec-WebSocket-Extensions` out
 * of the client's upgrade request, so the CDP websocket runs without permessage-deflate.
 *
 * Playwright's CDP client always offers the extension (its `WebSocketTransport`, level-3 deflate of
 * each message of 10 KB or more) and Chromium accepts it, so every message between them is deflated
 * by one side and inflated by the other: Playwright's own scripts that it sends to each new frame,
 * and Chromium's events back. Measured in the widget benchmark, that was about 50 ms of CPU per
 * opened page in the Node process that also runs the app and the emulators, and more in Chromium's
 * browser process, on a 2-core machine where the test's harness and the product share the cores. An
 * agent's browser has no such connection. Over loopback, compression saves nothing.
 *
 * The relay reads the client's HTTP request up to its blank line, drops that one header (RFC 6455
 * §9.1: an extension is used only when the server accepts one the client offered), forwards the
 * rest, then pipes the two sockets as they are.
 */
export async function uncompressedCdp(
  endpoint: string,
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const target = new URL(endpoint);
  const sockets = new Set<net.Socket>();
  // No Nagle on either side: CDP is small request/answer messages, which it would hold back.
  const server = net.createServer({ noDelay: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      client.off('data', onData);
      client.pause();
      const request = head
        .subarray(0, end)
        .toString('latin1')
        .split('\r\n')
        .filter((line) => !/^sec-websocket-extensions\s*:/i.test(line))
        .join('\r\n');
      const upstream = net.connect(
        { port: Number(target.port), host: target.hostname, noDelay: true },
        () => {
          upstream.write(
            Buffer.concat([Buffer.from(`${request}\r\n\r\n`, 'latin1'), head.subarray(end + 4)]),
          );
          client.pipe(upstream);
          upstream.pipe(client);
          client.resume();
        },
      );
      sockets.add(upstream);
      upstream.once('close', () => sockets.delete(upstream));
      const both = () => {
        client.destroy();
        upstream.destroy();
      };
      upstream.once('error', both);
      client.once('error', both);
      upstream.once('close', both);
      client.once('close', both);
    };
    client.on('data', onData);
    client.once('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `ws://127.0.0.1:${port}${target.pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { uncompressedCdp } from '../../support/uncompressedCdp';

// The relay the Chromium tests and the widget benchmark reach Chromium's DevTools through (see
// uncompressedCdp.ts), over real sockets: a stand-in DevTools server records what arrives and
// answers the upgrade, then echoes.

const upgrade = [
  'GET /devtools/browser/abc HTTP/1.1',
  'Host: 127.0.0.1',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version: 13',
  'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
  '',
  '',
].join('\r\n');

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function devtoolsStandIn() {
  let received = Buffer.alloc(0);
  const server = net.createServer((socket) => {
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!answered && received.includes('\r\n\r\n')) {
        answered = true;
        socket.write('HTTP/1.1 101 WebSocket Protocol Handshake\r\nUpgrade: WebSocket\r\n\r\n');
      }
      if (answered)
        socket.write(chunk.subarray(chunk.indexOf('\r\n\r\n') >= 0 ? chunk.indexOf('\r\n\r\n') + 4 : 0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `ws://127.0.0.1:${port}/devtools/browser/abc`,
    received: () => received.toString('latin1'),
  };
}

/** Sends `bytes` to `endpoint`'s port and collects what comes back until `until` is among it. */
function exchange(endpoint: string, parts: Buffer[], until: string): Promise<string> {
  const { port, hostname } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    let got = '';
    const socket = net.connect(Number(port), hostname, () => {
      for (const part of parts) socket.write(part);
    });
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString('latin1');
      if (got.includes(until)) {
        socket.destroy();
        resolve(got);
      }
    });
    socket.once('error', reject);
  });
}

describe('uncompressedCdp', () => {
  it('forwards the upgrade without the extension offer and relays the frames both ways', async () => {
    const devtools = await devtoolsStandIn();
    const relay = await uncompressedCdp(devtools.endpoint);
    closers.unshift(relay.close);
    expect(new URL(relay.endpoint).pathname).toBe('/devtools/browser/abc');

    // The request split mid-header, and frame bytes in the same packet as its end.
    const answer = await exchange(
      relay.endpoint,
      [Buffer.from(upgrade.slice(0, 40), 'latin1'), Buffer.from(`${upgrade.slice(40)}FRAME-1`, 'latin1')],
      'FRAME-1',
    );

    expect(answer).toMatch(/^HTTP\/1.1 101 /);
    const seen = devtools.received();
    expect(seen).not.toMatch(/sec-websocket-extensions/i);
    expect(seen).toContain('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n');
    expect(seen).toContain('Sec-WebSocket-Version: 13\r\n\r\nFRAME-1');
  });

  it('passes an offer through when it talks to the server directly (what the relay takes away)', async () => {
    const devtools = await devtoolsStandIn();
    await exchange(devtools.endpoint, [Buffer.from(`${upgrade}FRAME-1`, 'latin1')], 'FRAME-1');
    expect(devtools.received()).toMatch(/Sec-WebSocket-Extensions: permessage-deflate/);
  });
});

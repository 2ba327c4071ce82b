import * as net from 'node:net';

import { kafkaRequest, probeKafka } from './probes';

/** A one-shot TCP server on 127.0.0.1 that answers each request with `reply(request)`. */
async function fakeServer(reply: (request: Buffer) => Buffer): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => {
    socket.on('data', (data) => socket.write(reply(data)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function int32BE(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeInt32BE(v, i * 4));
  return b;
}

function kafkaFrame(body: Buffer): Buffer {
  return Buffer.concat([int32BE(body.length), body]);
}

describe('Kafka request frames', () => {
  it('encodes size, api key, version, correlation id and client id', () => {
    const frame = kafkaRequest(18, 0, 7, Buffer.alloc(0));
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    expect(frame.readInt16BE(4)).toBe(18);
    expect(frame.readInt16BE(6)).toBe(0);
    expect(frame.readInt32BE(8)).toBe(7);
    const clientIdLength = frame.readInt16BE(12);
    expect(frame.toString('utf8', 14, 14 + clientIdLength)).toBe('enlace-infra');
  });

  it('accepts a broker that answers ApiVersions with error 0 and lists itself in Metadata', async () => {
    const server = await fakeServer((request) => {
      const apiKey = request.readInt16BE(4);
      const correlationId = request.readInt32BE(8);
      if (apiKey === 18) {
        // correlation id, error_code 0, one api key entry (18, 0, 3)
        const body = Buffer.concat([
          int32BE(correlationId),
          Buffer.from([0, 0]),
          int32BE(1),
          Buffer.from([0, 18, 0, 0, 0, 3]),
        ]);
        return kafkaFrame(body);
      }
      // Metadata v0: correlation id, one broker (node 1, host "h", port 1), no topics
      const broker = Buffer.concat([int32BE(1), Buffer.from([0, 1]), Buffer.from('h'), int32BE(1)]);
      return kafkaFrame(Buffer.concat([int32BE(correlationId), int32BE(1), broker, int32BE(0)]));
    });
    try {
      await expect(probeKafka('127.0.0.1', server.port, 2000)).resolves.toEqual({ apiKeys: 1, brokers: 1 });
    } finally {
      await server.close();
    }
  });

  it('rejects an ApiVersions error code', async () => {
    const server = await fakeServer((request) =>
      kafkaFrame(Buffer.concat([int32BE(request.readInt32BE(8)), Buffer.from([0, 35]), int32BE(0)])),
    );
    try {
      await expect(probeKafka('127.0.0.1', server.port, 2000)).rejects.toThrow('error_code 35');
    } finally {
      await server.close();
    }
  });
});

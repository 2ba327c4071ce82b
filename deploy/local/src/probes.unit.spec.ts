import * as net from 'node:net';

import { bsonDocument, kafkaRequest, opMsg, parseBsonTopLevel, probeKafka, probeMongo } from './probes';

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

describe('BSON and OP_MSG', () => {
  it('encodes { ping: 1, $db: "admin" } as the canonical BSON bytes', () => {
    const doc = bsonDocument([
      ['ping', 1],
      ['$db', 'admin'],
    ]);
    expect(doc.toString('hex')).toBe(
      [
        '1e000000', // total size 30
        '10',
        '70696e6700',
        '01000000', // int32 "ping": 1
        '02',
        '24646200',
        '06000000',
        '61646d696e00', // string "$db": "admin"
        '00',
      ].join(''),
    );
    expect(Object.fromEntries(parseBsonTopLevel(doc))).toEqual({ ping: 1, $db: 'admin' });
  });

  it('parses doubles, booleans, nested documents and int64', () => {
    // { ok: 1.0, flag: true, nested: {}, n: 5n }
    const ok = Buffer.alloc(8);
    ok.writeDoubleLE(1);
    const n = Buffer.alloc(8);
    n.writeBigInt64LE(5n);
    const body = Buffer.concat([
      Buffer.from([0x01]),
      Buffer.from('ok\0'),
      ok,
      Buffer.from([0x08]),
      Buffer.from('flag\0'),
      Buffer.from([1]),
      Buffer.from([0x03]),
      Buffer.from('nested\0'),
      Buffer.from([5, 0, 0, 0, 0]),
      Buffer.from([0x12]),
      Buffer.from('n\0'),
      n,
    ]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + body.length + 1);
    const fields = parseBsonTopLevel(Buffer.concat([size, body, Buffer.from([0])]));
    expect(fields.get('ok')).toBe(1);
    expect(fields.get('flag')).toBe(true);
    expect(fields.has('nested')).toBe(true);
    expect(fields.get('n')).toBe(5n);
  });

  it('round-trips a ping with a server that answers { ok: 1.0 }', async () => {
    const server = await fakeServer((request) => {
      const requestId = request.readInt32LE(4);
      const ok = Buffer.alloc(8);
      ok.writeDoubleLE(1);
      const body = Buffer.concat([Buffer.from([0x01]), Buffer.from('ok\0'), ok]);
      const size = Buffer.alloc(4);
      size.writeInt32LE(4 + body.length + 1);
      const reply = opMsg(99, Buffer.concat([size, body, Buffer.from([0])]));
      reply.writeInt32LE(requestId, 8); // responseTo
      return reply;
    });
    try {
      await expect(probeMongo('127.0.0.1', server.port, 2000)).resolves.toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('rejects a reply with ok: 0 and shows errmsg', async () => {
    const server = await fakeServer((request) => {
      const doc = bsonDocument([
        ['ok', 0],
        ['errmsg', 'nope'],
      ]);
      const reply = opMsg(99, doc);
      reply.writeInt32LE(request.readInt32LE(4), 8);
      return reply;
    });
    try {
      await expect(probeMongo('127.0.0.1', server.port, 2000)).rejects.toThrow('ok: 0 (nope)');
    } finally {
      await server.close();
    }
  });
});

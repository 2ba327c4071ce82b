import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { eventually, filesContaining, testInfra } from '@enlace/testing';
import { ScenarioNetwork } from './support/scenario-network';

type DocumentKind = NodeApi.components['schemas']['DocumentKind'];

const MiB = 1024 * 1024;

/**
 * A PDF of exactly `size` bytes whose text names `marker` again and again between runs of random bytes (which no
 * compression shrinks): if any of it rested or travelled in clear, a scan of the files would find the marker.
 */
function pdfNaming(marker: string, size: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'ascii')];
  let length = parts[0]?.length ?? 0;
  for (let page = 0; length < size; page++) {
    const part = Buffer.concat([Buffer.from(`\n% report on ${marker}, page ${page}\n`, 'ascii'), randomBytes(4096)]);
    parts.push(part);
    length += part.length;
  }
  return Buffer.concat(parts).subarray(0, size);
}

/**
 * The raw upload the API takes, through the typed client: the bytes as the body (sent as they are, not as JSON), the
 * kind in the query, the Content-Type the test chooses (the node goes by the content).
 */
async function upload(
  api: NodeApiClient,
  caseId: string,
  content: Buffer,
  contentType: string,
  kind = 'medical-report',
) {
  const { data, error, response } = await api.POST('/cases/{caseId}/documents', {
    params: { path: { caseId }, query: { kind: kind as DocumentKind } },
    body: content as unknown as string,
    bodySerializer: (body) => body,
    headers: { 'content-type': contentType },
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    data,
    error,
  };
}

async function download(api: NodeApiClient, caseId: string, documentId: string) {
  const { data, response } = await api.GET('/cases/{caseId}/documents/{documentId}/content', {
    params: { path: { caseId, documentId } },
    parseAs: 'arrayBuffer',
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    digest: response.headers.get('x-content-sha256'),
    bytes: Buffer.from(data ?? new ArrayBuffer(0)),
  };
}

const listed = async (api: NodeApiClient, caseId: string) =>
  api.GET('/cases/{caseId}/documents', { params: { path: { caseId } } });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('documents that travel with a case (e2e, real Kafka and PostgreSQL)', () => {
  let network: ScenarioNetwork;
  let co: NodeApiClient;
  let ec: NodeApiClient;
  const marker = `Zd${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pdf = pdfNaming(marker, 5 * MiB);
  let caseId: string;
  let documentId: string;

  beforeAll(async () => {
    network = await ScenarioNetwork.start('documents', ['CO', 'EC'], {});
    [co, ec] = await Promise.all([network.api('CO'), network.api('EC')]);
    const created = await co.POST('/referrals', {
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Dora', secondName: 'Rojas', gender: 'Female', nationality: 'CO' },
        consent: {
          purpose: 'Referral for health care',
          scope: ['identity', 'health'],
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    });
    expect(created.response.status).toBe(201);
    caseId = created.data?.id ?? '';
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  it('should refuse, as problem+json, a document of another type, one over the limit, a JSON body and an unknown case', async () => {
    const html = await upload(co, caseId, Buffer.from('<html>%PDF-1.4 not really</html>'), 'application/pdf');
    const tooLarge = await upload(co, caseId, Buffer.concat([pdf, pdf, Buffer.from('x')]), 'application/pdf');
    const json = await upload(co, caseId, Buffer.from(JSON.stringify({ data: 'JVBERi0=' })), 'application/json');
    const nowhere = await upload(co, randomUUID(), pdf.subarray(0, 1000), 'application/pdf');
    const badKind = await upload(co, caseId, pdf.subarray(0, 1000), 'application/pdf', 'diary');

    expect(
      [html, tooLarge, json, nowhere, badKind].map((answer) => [
        answer.status,
        answer.contentType.includes('application/problem+json'),
      ]),
    ).toEqual([
      [415, true],
      [413, true],
      [415, true],
      [404, true],
      [400, true],
    ]);
    const none = await listed(co, caseId);
    expect(none.data).toEqual({ items: [], maxBytes: 10 * MiB });
  }, 60_000);

  it('should carry a 5 MB PDF attached at CO to EC in chunks, byte for byte, each chunk receipted', async () => {
    const started = Date.now();
    const attached = await upload(co, caseId, pdf, 'application/octet-stream');
    expect([attached.status, attached.data?.mediaType, attached.data?.size, attached.data?.sha256]).toEqual([
      201,
      'application/pdf',
      pdf.length,
      sha256(pdf),
    ]);
    expect(attached.data?.chunkCount).toBe(27);
    documentId = attached.data?.id ?? '';
    expect(attached.location).toBe(`/api/v1/cases/${caseId}/documents/${documentId}/content`);

    const received = await eventually(
      async () => {
        const found = (await listed(ec, caseId)).data?.items.find((item) => item.id === documentId);
        return found?.status === 'received' ? found : undefined;
      },
      { what: `EC: document ${documentId} received`, timeoutMs: 60_000, intervalMs: 200 },
    );
    const arrivedMs = Date.now() - started;
    expect([received.origin, received.fromCountry, received.kind, received.sha256, received.size]).toEqual([
      'received',
      'CO',
      'medical-report',
      sha256(pdf),
      pdf.length,
    ]);
    const atEc = await download(ec, caseId, documentId);
    expect([atEc.status, atEc.contentType, atEc.digest]).toEqual([200, 'application/pdf', sha256(pdf)]);
    expect(atEc.bytes.equals(pdf)).toBe(true);

    const delivered = await eventually(
      async () => {
        const found = (await listed(co, caseId)).data?.items.find((item) => item.id === documentId);
        return found?.transfer?.delivered === 27 ? found : undefined;
      },
      { what: `CO: every chunk of ${documentId} receipted`, timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(delivered.transfer).toEqual({ chunks: 27, sent: 27, delivered: 27 });
    expect((await download(co, caseId, documentId)).bytes.equals(pdf)).toBe(true);
    console.log(`documents: 5 MiB in 27 chunks, CO -> EC received and verified in ${arrivedMs} ms`);
  }, 120_000);

  it('should leave no byte of the document in clear in either database, and none once the case is erased', async () => {
    const canary = `Canary${randomUUID().replace(/-/g, '')}`;
    await network.writeCanary('EC', canary);
    const scanned = await network.databaseFilesContaining('EC', canary);
    if (scanned !== undefined) {
      expect(scanned).not.toEqual([]);
      expect(await network.databaseFilesContaining('EC', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('CO', marker)).toEqual([]);
    }

    const withdrawn = await co.POST('/referrals/{id}/withdraw-consent', { params: { path: { id: caseId } }, body: {} });
    expect([withdrawn.response.status, withdrawn.data?.status]).toEqual([200, 'consent-withdrawn']);
    await eventually(
      async () => {
        const view = await ec.GET('/referrals/{id}', { params: { path: { id: caseId } } });
        return view.data?.erasure !== undefined ? view : undefined;
      },
      { what: `EC: referral ${caseId} erased`, timeoutMs: 30_000, intervalMs: 100 },
    );

    for (const client of [co, ec]) {
      const list = await listed(client, caseId);
      const fetched = await download(client, caseId, documentId);
      const listType = list.response.headers.get('content-type') ?? '';
      expect([list.response.status, listType.includes('application/problem+json'), fetched.status]).toEqual([
        410,
        true,
        410,
      ]);
    }
    if (scanned !== undefined) {
      expect(await network.databaseFilesContaining('EC', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('CO', marker)).toEqual([]);
      expect(await network.databaseFilesContaining('EC', canary)).not.toEqual([]);
    }
    const infra = testInfra();
    const brokerDirs = infra.kafkaDataDirs ?? (infra.kafkaDataDir ? [infra.kafkaDataDir] : []);
    for (const dir of brokerDirs) {
      // The scan does find what is in clear on the broker: the case id is the record key.
      expect(await filesContaining(dir, caseId)).not.toEqual([]);
      expect(await filesContaining(dir, marker)).toEqual([]);
    }
    expect(await network.logsContaining(marker)).toEqual([]);
  }, 180_000);
});

import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConsoleTestBed, plainMembers } from './support/console-test-bed';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A focal point attaches a document on the case page in the console (CO, in Spanish), the other end downloads it
 * from its own case page (EC, in Portuguese), byte for byte; a file of another type is refused, in the user's words.
 */
describe('documents on the case page of the web console', () => {
  let bed: ConsoleTestBed;
  let referralId: string;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% informe\n', 'ascii'), randomBytes(300 * 1024)]);

  beforeAll(async () => {
    bed = await ConsoleTestBed.start({ name: 'docconsole', members: plainMembers(['CO', 'EC']) });
    const created = await (
      await bed.api('co.focal')
    ).POST('/referrals', {
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
    referralId = created.data?.id ?? '';
  }, 300_000);

  afterAll(() => bed?.stop(), 120_000);

  it('should let a CO focal point attach a PDF in Spanish, and refuse a text file in words', async () => {
    const { context, page } = await bed.tab('es-CO', { acceptDownloads: true });
    await bed.signIn(page, 'co.focal');
    await page.goto(`${bed.consoleUrl}/referrals/${referralId}`);
    await page.getByRole('heading', { name: 'Documentos' }).waitFor();

    await page.getByLabel('Tipo de documento').selectOption('identity-document');
    await page
      .getByLabel(/^Archivo/)
      .setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
    await page.getByRole('button', { name: 'Adjuntar y enviar' }).click();
    const refusal = page.locator('.problem[data-status="415"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('El archivo no es de un tipo que el nodo acepte (PDF, PNG o JPEG).');
    expect(await refusal.getAttribute('data-code')).toBe('DOCUMENT_TYPE_NOT_ALLOWED');

    await page.getByLabel('Tipo de documento').selectOption('medical-report');
    await page.getByLabel(/^Archivo/).setInputFiles({ name: 'informe.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Adjuntar y enviar' }).click();
    await page.getByText('El documento está adjunto y en camino al otro país.').waitFor();
    const item = page.getByTestId('document').first();
    await item.getByText('Informe médico').waitFor();
    await item.getByText(/2 de 2 partes recibidas por el otro país/).waitFor({ timeout: 30_000 });
    await bed.screenshot(page, 'case-documents-attached');
    await context.close();
  }, 120_000);

  it('should let the EC focal point download it in Portuguese, byte for byte', async () => {
    const { context, page } = await bed.tab('pt-BR', { acceptDownloads: true });
    await bed.signIn(page, 'ec.focal');
    await page.goto(`${bed.consoleUrl}/referrals/${referralId}`);
    await page.getByRole('heading', { name: 'Documentos' }).waitFor();
    const item = page.locator('[data-testid="document"][data-status="received"]');
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toMatch(/Relatório médico.*Recebido e verificado.*De CO/s);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Baixar' }).click(),
    ]);
    const saved = path.join(bed.home, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(sha256(fs.readFileSync(saved))).toBe(sha256(pdf));
    expect(download.suggestedFilename()).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    await bed.screenshot(page, 'case-documents-received');
    await context.close();
    expect(bed.pageErrors).toEqual([]);
  }, 120_000);
});

import type { Page } from 'playwright-core';
import { eventually } from '@enlace/testing';
import { ConsoleTestBed, plainMembers } from './support/console-test-bed';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Issue 16, the hotline operator's view in a browser, in Spanish: the call form walked with the keyboard alone (the
 * urgency has the focus, Tab to each field, Space on a sign, Enter saves), its draft surviving a reload of the tab;
 * then a CO focal point turns the screened intake into a referral that EC receives. No screenshot is taken here.
 */
describe('the intake view of the console', () => {
  let bed: ConsoleTestBed;
  let intakeId: string;

  /** The label of the element that has the focus: what a keyboard user is on. */
  const focused = (page: Page): Promise<string> =>
    page.evaluate(`(() => {
      const active = document.activeElement;
      if (!active) return '';
      const label = active.id ? document.querySelector('label[for="' + active.id + '"]') : active.closest('label');
      return (label ? label.textContent : '').trim();
    })()`);

  beforeAll(async () => {
    bed = await ConsoleTestBed.start({ name: 'intakeui', members: plainMembers(['CO', 'EC']) });
  }, 300_000);

  afterAll(() => bed?.stop(), 60_000);

  it('should let a CO hotline operator fill the call form with the keyboard, keep the draft, and save it', async () => {
    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.hotline', /\/intakes\/new$/);
    await page.getByRole('heading', { name: 'Nueva recepción' }).waitFor();

    expect(await focused(page)).toBe('Urgencia');
    await page.keyboard.press('ArrowDown'); // media -> alta
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Cómo llegó el reporte');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Relación con la persona');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Elija… -> La propia persona -> Familia
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rosa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+57 300 000 0000');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Nombre');
    await page.keyboard.type('Valentina');
    await page.keyboard.press('Tab');
    await page.keyboard.type('23');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Elija… -> Femenino
    await page.keyboard.press('Tab');
    await page.keyboard.type('CO');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('País donde se cree que está la persona');
    await page.keyboard.type('EC');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Guayaquil');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Explotación sexual');
    await page.keyboard.press('Space');

    // A reload of the tab mid-call loses nothing: the draft is in this tab's session storage.
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Valentina');
    expect(await page.getByLabel('Urgencia').inputValue()).toBe('high');
    expect(await page.getByLabel('Explotación sexual').isChecked()).toBe(true);

    await page.getByLabel('Nombre', { exact: true }).press('Enter');
    await page.waitForURL(/\/intakes\/[0-9a-f-]{36}$/);
    intakeId = UUID.exec(page.url())?.[0] ?? '';
    expect(await page.getByTestId('intake-status').textContent()).toBe('registrada');
    const drafts = await page.evaluate(
      `Object.keys(sessionStorage).filter((key) => key.startsWith('enlace.console.intake-draft'))`,
    );
    expect(drafts).toEqual([]);
    await context.close();

    const atNode = await (await bed.api('co.hotline')).GET('/intakes/{id}', { params: { path: { id: intakeId } } });
    expect(atNode.data).toMatchObject({
      urgency: 'high',
      channel: 'hotline',
      believedCountry: 'EC',
      reporter: { relationship: 'family', name: 'Rosa' },
      person: { firstName: 'Valentina', approximateAge: 23, gender: 'Feminine', nationality: 'CO' },
      indicators: { typeOfExploitation: ['SexualExploitation'] },
    });
  }, 180_000);

  it('should let a CO focal point, once a supervisor screened it, turn it into a referral that EC receives', async () => {
    const screened = await (
      await bed.api('co.supervisor')
    ).POST('/intakes/{id}/screen', {
      params: { path: { id: intakeId } },
      body: { outcome: 'presumed-victim' },
    });
    expect(screened.response.status).toBe(200);
    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.focal');

    await page.goto(`${bed.consoleUrl}/intakes/${intakeId}`);
    await page.getByRole('heading', { name: 'Convertir en derivación' }).waitFor();
    expect(await page.getByLabel('Derivar a').inputValue()).toBe('EC');
    await page.getByRole('group', { name: 'Servicios solicitados' }).getByLabel('Salud').check();
    await page.getByLabel(/finalidad explicada a la persona/).fill('Protección y asistencia en Ecuador');
    await page.getByRole('button', { name: 'Crear y enviar la derivación' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralId = UUID.exec(page.url())?.[0] ?? '';
    await context.close();

    const ec = await bed.api('ec.focal');
    const received = await eventually(
      async () => {
        const view = await ec.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.response.status === 200 && view.data?.status === 'delivered' ? view.data : undefined;
      },
      { what: `EC to hold referral ${referralId}`, timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(received.person?.firstName).toBe('Valentina');
  }, 120_000);
});

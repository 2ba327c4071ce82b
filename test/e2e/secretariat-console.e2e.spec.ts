import { eventually } from '@enlace/testing';
import { ConsoleTestBed, plainMembers } from './support/console-test-bed';

/** English words of the statistics and dashboard views that a translated page must not show. */
const ENGLISH = [
  'Persons',
  'Referral',
  'withheld',
  'Female',
  'Male',
  'Nationality',
  'Since the first message',
  'Not drawn',
  'unknown',
  'Volume over time',
];

/**
 * The secretariat's console on a fresh network (CO and EC, the monitor): the dashboard's default window fitted to the
 * minutes-old traffic, the regional statistics charted with their suppressed cells listed apart, in Spanish and
 * Portuguese; the Swagger UI of a node and of the monitor with no error banner.
 */
describe('the secretariat in the web console', () => {
  let bed: ConsoleTestBed;

  /** The secretariat signed in, in a tab of the given language; `flows` collects the monitor's flow answers. */
  async function secretariatTab(locale: string) {
    const { context, page } = await bed.tab(locale);
    const flows: { url: URL; body: { granularity: string; corridors: { buckets: unknown[] }[] } }[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('/monitor/api/v1/flows') || response.status() !== 200) return;
      flows.push({ url, body: (await response.json()) as (typeof flows)[number]['body'] });
    });
    await bed.signIn(page, 'secretariat');
    return { context, page, flows };
  }

  beforeAll(async () => {
    bed = await ConsoleTestBed.start({ name: 'secretariat', members: plainMembers(['CO', 'EC']), monitor: true });

    // 24 persons referred CO -> EC this month: 12 women and 12 men, 20 of Colombia and 4 of Venezuela (a cell
    // of 4, which must never leave CO), all of them for sexual exploitation.
    const co = await bed.api('co.focal');
    for (let n = 0; n < 24; n += 1) {
      const created = await co.POST('/referrals', {
        body: {
          toCountry: 'EC',
          reason: 'AdditionalServicesRequired',
          servicesRequested: ['SexualExploitationRehabilitation'],
          urgency: 'medium',
          person: {
            firstName: `Persona${n}`,
            gender: n % 2 === 0 ? 'Feminine' : 'Masculine',
            nationality: n < 20 ? 'CO' : 'VE',
            birthdate: `${1990 + (n % 10)}-05-01`,
          },
          consent: {
            purpose: 'Referral for services',
            scope: ['identity'],
            recordedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        },
      });
      expect(created.response.status).toBe(201);
    }
    const published = await (await bed.api('co.supervisor')).POST('/statistics/reports', { body: {} });
    expect(published.response.status).toBe(202);
  }, 300_000);

  afterAll(() => bed?.stop(), 60_000);

  it('should fit the dashboard to minutes-old traffic and chart the statistics in Spanish, suppressed cells apart', async () => {
    const { context, page, flows } = await secretariatTab('es-CO');

    // The default window: fitted, by the minute, from the first message on (not a day of hours, the last one full).
    await page.getByTestId('corridor-matrix').waitFor();
    expect(await page.getByLabel('Periodo', { exact: true }).inputValue()).toBe('fit');
    const fitted = await eventually(
      async () => flows.filter((f) => f.url.searchParams.get('granularity') === 'minute').at(-1),
      { what: 'a flows request by the minute' },
    );
    const buckets = fitted.body.corridors[0]?.buckets ?? [];
    expect(buckets.length).toBeGreaterThanOrEqual(1);
    expect(buckets.length).toBeLessThanOrEqual(61);
    await page.locator('[data-testid="corridor-matrix"] td[data-corridor="CO-EC"][data-count="24"]').waitFor({
      timeout: 60_000,
    });
    await bed.screenshot(page, 'secretariat-fitted');

    // The chart: one bar CO -> EC of this month, women and men drawn (12 each), nothing suppressed by sex.
    const chart = page.getByTestId('statistics-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(2);
    expect(await chart.locator('.recharts-legend-item-text').allTextContents()).toEqual(['Femenino', 'Masculino']);
    expect(await chart.getByTestId('statistics-suppressed').count()).toBe(0);
    await bed.screenshot(page, 'regional-statistics-chart');

    // By nationality the cell of 4 never shows, nor a count of Colombia that would give it away (24 - 20): neither
    // is drawn, and what the node published in their place ("<11", withheld) is listed apart.
    await chart.getByLabel('Por', { exact: true }).selectOption('nationality');
    const suppressed = chart.getByTestId('statistics-suppressed');
    await suppressed.waitFor();
    await suppressed.locator('summary').click();
    const listed = (await suppressed.locator('li').allTextContents()).join('\n');
    expect(listed).toMatch(/<11|reservada/);
    expect(listed).not.toMatch(/: (4|20) \(/);
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(0);
    await chart.getByText('Todas las cifras de este desglose se suprimieron en su nodo: se listan abajo.').waitFor();

    const text = await page.locator('body').innerText();
    expect(ENGLISH.filter((word) => text.includes(word))).toEqual([]);
    expect(text).not.toContain('Persona1');
    await context.close();
  }, 180_000);

  it('should show the statistics in Portuguese with no English word left', async () => {
    const { context, page } = await secretariatTab('pt-BR');
    const chart = page.getByTestId('statistics-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
    await chart.getByLabel('Por', { exact: true }).selectOption('exploitation');
    await chart.locator('.recharts-legend-item-text', { hasText: 'Sexual' }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Pessoas por corredor e mês');
    expect(ENGLISH.filter((word) => text.includes(word))).toEqual([]);
    await context.close();
  }, 120_000);

  it("should show the node's real document limit on the form, in Spanish", async () => {
    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.focal');
    const list = await (await bed.api('co.focal')).GET('/referrals', { params: { query: { direction: 'outgoing' } } });
    const first = list.data?.items[0];
    if (!first) throw new Error('no referral listed');
    await page.goto(`${bed.consoleUrl}/referrals/${first.id}`);
    await page.getByText('Archivo (PDF, PNG o JPEG, hasta 10 MB)').waitFor();
    await context.close();
  }, 120_000);

  it.each([
    ['node API', () => `${bed.node('CO').apiUrl}/docs`],
    ['monitor', () => `${bed.monitor.monitorUrl}/docs`],
  ])(
    'should render the %s document in Swagger UI with no error banner',
    async (_name, url) => {
      const context = await bed.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(url());
      await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 60_000 });
      // Swagger UI validates the document once it has rendered it: give it the time to say what it finds.
      await page.waitForTimeout(1500);
      expect(await page.locator('.swagger-ui .errors-wrapper').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/jsonSchemaDialect/);
      await context.close();
    },
    120_000,
  );

  it('should have thrown no error in any page', () => {
    expect(bed.pageErrors).toEqual([]);
  });
});

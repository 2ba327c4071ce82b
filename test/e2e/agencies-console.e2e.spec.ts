import { DEMO_COUNTRIES } from '@enlace/local-infra';
import { ConsoleTestBed } from './support/console-test-bed';

/**
 * Issue 16, agencies in the console, in Spanish: a CO supervisor of the police unit (the gateway agency) sees on a
 * referral's page the agency that owns it and shares it with the shelter, with a reason; the shelter's case worker
 * then reads the case, sees whose it is and who gave it, and is offered no sharing. Only the focal point is offered
 * the steps that speak across the border; a focal point narrows the work lists to one agency's cases; a supervisor
 * merges a hotline's intake into the existing case of the same person with the keyboard alone.
 */
describe('the agencies of a case in the console', () => {
  let bed: ConsoleTestBed;
  /** The id of the case of the first test, which the later ones read. */
  let sharedCase = '';

  beforeAll(async () => {
    bed = await ConsoleTestBed.start({
      name: 'agencyui',
      members: DEMO_COUNTRIES.filter(({ country }) => country === 'CO' || country === 'EC'),
    });
  }, 300_000);

  afterAll(() => bed?.stop(), 60_000);

  it('should show the owning agency and let its supervisor share the case with the shelter', async () => {
    const created = await (
      await bed.api('co.focal')
    ).POST('/referrals', {
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Valentina', gender: 'Female', nationality: 'CO' },
        consent: { purpose: 'Referral', scope: ['identity'], recipients: ['EC'], recordedAt: new Date().toISOString() },
      },
    });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('no referral in the 201');
    const id = created.data.id;
    sharedCase = id;
    const shelter = await bed.api('co.shelter.caseworker');
    expect((await shelter.GET('/referrals/{id}', { params: { path: { id } } })).response.status).toBe(404);

    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.supervisor');
    await page.goto(`${bed.consoleUrl}/referrals/${id}`);
    await page.getByRole('heading', { name: 'Instituciones' }).waitFor();
    expect(await page.getByTestId('case-owner').textContent()).toBe('co-police (enlace del país con la red)');
    await page.getByText('No compartido con otra institución.').waitFor();

    await page.getByRole('combobox', { name: 'Institución' }).selectOption('co-shelter');
    await page.getByLabel('Motivo').fill('Acogida en el refugio');
    await page.getByRole('button', { name: 'Compartir', exact: true }).click();
    await page.getByTestId('case-shares').getByText('Acogida en el refugio').waitFor();
    await page.getByRole('button', { name: 'Retirar a co-shelter' }).waitFor();
    await bed.screenshot(page, 'agencies-case');
    await context.close();

    expect((await shelter.GET('/referrals/{id}', { params: { path: { id } } })).response.status).toBe(200);
    const { context: shelterContext, page: shelterPage } = await bed.tab('es-CO');
    await bed.signIn(shelterPage, 'co.shelter.caseworker');
    await shelterPage.goto(`${bed.consoleUrl}/referrals/${id}`);
    await shelterPage.getByTestId('case-shares').getByText('co-shelter').waitFor();
    expect(await shelterPage.getByTestId('case-owner').textContent()).toContain('co-police');
    expect(await shelterPage.getByRole('button', { name: 'Compartir', exact: true }).count()).toBe(0);
    await shelterContext.close();
  }, 180_000);

  it('should offer the steps that speak across the border to the focal point only', async () => {
    const visit = async (username: string) => {
      const { context, page } = await bed.tab('es-CO');
      await bed.signIn(page, username);
      const nav = page.getByRole('navigation');
      // the menu as the session's roles draw it (the work link is everyone's here) before counting what it offers
      await nav.getByRole('link', { name: 'Trabajo', exact: true }).waitFor();
      const newReferral = await nav.getByRole('link', { name: 'Nueva derivación' }).count();
      await page.goto(`${bed.consoleUrl}/referrals/${sharedCase}`);
      await page.getByRole('heading', { name: 'Instituciones' }).waitFor();
      const withdraw = await page.getByRole('button', { name: 'Retirar', exact: true }).count();
      // the page of a new referral, asked by its address, sends anyone but a focal point back to their work
      await page.goto(`${bed.consoleUrl}/referrals/new`);
      await page.waitForURL(username === 'co.focal' ? /\/referrals\/new$/ : /\/work$/);
      await context.close();
      return { newReferral, withdraw };
    };
    expect(await visit('co.focal')).toEqual({ newReferral: 1, withdraw: 1 });
    expect(await visit('co.supervisor')).toEqual({ newReferral: 0, withdraw: 0 });
    expect(await visit('co.caseworker')).toEqual({ newReferral: 0, withdraw: 0 });
    // and the node refuses it to them all the same
    const refused = await (
      await bed.api('co.supervisor')
    ).POST('/referrals/{id}/withdraw', {
      params: { path: { id: sharedCase } },
      body: { reason: 'not the focal point' },
    });
    expect(refused.response.status).toBe(403);
  }, 120_000);

  it('should narrow the work lists to the cases of one agency', async () => {
    const focal = await bed.api('co.focal');
    // the migration authority's intake, given to the police, becomes a referral the migration authority owns
    const intake = await (
      await bed.api('co.migration.hotline')
    ).POST('/intakes', {
      body: {
        channel: 'hotline',
        urgency: 'high',
        person: { firstName: 'Camila', gender: 'Female', nationality: 'CO', believedCountry: 'EC' },
        consent: { purpose: 'Referral', scope: ['identity'], recipients: ['EC'], recordedAt: new Date().toISOString() },
      },
    });
    expect(intake.response.status).toBe(201);
    if (!intake.data) throw new Error('no intake in the 201');
    const intakeId = intake.data.id;
    const migration = await bed.api('co.migration.supervisor');
    await migration.POST('/intakes/{id}/screen', {
      params: { path: { id: intakeId } },
      body: { outcome: 'presumed-victim' },
    });
    await migration.PUT('/cases/{id}/shares/{agency}', {
      params: { path: { id: intakeId, agency: 'co-police' } },
      body: { reason: 'Para derivar a Ecuador' },
    });
    const convertedResult = await focal.POST('/intakes/{id}/referral', {
      params: { path: { id: intakeId } },
      body: { toCountry: 'EC', reason: 'AdditionalServicesRequired', servicesRequested: ['Health'] },
    });
    expect(convertedResult.response.status).toBe(201);
    if (!convertedResult.data) throw new Error('no referral in the 201');
    const converted = convertedResult.data;

    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.focal');
    const outgoing = page.getByTestId('outgoing');
    const row = (id: string) => outgoing.locator(`tr[data-referral-id="${id}"]`);
    await row(converted.id).waitFor();
    await row(sharedCase).waitFor();
    const agencyFilter = page.getByRole('combobox', { name: 'Institución' });
    // the filter is drawn once the node's agencies are read, apart from the lists: its options only then
    await agencyFilter.waitFor();
    expect(await agencyFilter.locator('option').allTextContents()).toEqual([
      'Todas las instituciones',
      'co-police',
      'co-migration',
      'co-shelter',
    ]);
    await agencyFilter.selectOption('co-shelter');
    await row(sharedCase).waitFor({ state: 'detached' });
    expect(await outgoing.locator('tr[data-referral-id]').count()).toBe(0);
    await agencyFilter.selectOption('co-migration');
    await row(converted.id).waitFor();
    expect(await row(sharedCase).count()).toBe(0);
    await agencyFilter.selectOption('co-police');
    await row(sharedCase).waitFor();
    expect(await row(converted.id).count()).toBe(0);
    await agencyFilter.selectOption('co-migration');
    await row(converted.id).waitFor();
    await bed.screenshot(page, 'agencies-work-filter');
    await context.close();
  }, 120_000);

  it('should let a supervisor merge an intake into the case of the same person with the keyboard', async () => {
    const recorded = await (
      await bed.api('co.hotline')
    ).POST('/intakes', {
      body: {
        channel: 'hotline',
        urgency: 'medium',
        person: { firstName: 'Valentina', approximateAge: 30, gender: 'Female', believedCountry: 'EC' },
        situation: 'Llamó otra vez: la misma persona de la derivación a Ecuador.',
      },
    });
    expect(recorded.response.status).toBe(201);
    if (!recorded.data) throw new Error('no intake in the 201');
    const intakeId = recorded.data.id;

    const { context, page } = await bed.tab('es-CO');
    await bed.signIn(page, 'co.supervisor');
    await page.goto(`${bed.consoleUrl}/intakes/${intakeId}`);
    const card = page.getByTestId('merge-intake');
    await card.getByRole('heading', { name: 'Unir a un caso existente' }).waitFor();
    // the search starts from the person's first name: Enter runs it
    const search = card.getByLabel('Nombre o id del caso');
    expect(await search.inputValue()).toBe('Valentina');
    await search.focus();
    await page.keyboard.press('Enter');
    const choice = card.getByRole('radio', { name: new RegExp(sharedCase.slice(0, 8)) });
    await choice.waitFor();
    // Tab from the search: its button, then the radio group; Space picks the case, Tab reaches the merge button
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await choice.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const merge = card.getByRole('button', { name: 'Unir el reporte a este caso' });
    // the text of the element that has the focus: what a keyboard user is on
    expect(await page.evaluate('document.activeElement ? document.activeElement.textContent : ""')).toBe(
      await merge.textContent(),
    );
    await bed.screenshot(page, 'intake-merge');
    await page.keyboard.press('Enter');

    await page.getByTestId('intake-status').getByText('unida a un caso existente').waitFor();
    const link = page.getByTestId('intake-case').getByRole('link');
    expect(await link.getAttribute('href')).toBe(`/referrals/${sharedCase}`);
    expect(await page.getByTestId('merge-intake').count()).toBe(0);
    const merged = await (await bed.api('co.supervisor')).GET('/intakes/{id}', { params: { path: { id: intakeId } } });
    expect(merged.data).toMatchObject({ status: 'merged', case: { caseId: sharedCase } });
    await context.close();
  }, 120_000);
});

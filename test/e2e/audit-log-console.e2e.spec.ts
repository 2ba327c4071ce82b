import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_COUNTRIES } from '@enlace/local-infra';
import { eventually } from '@enlace/testing';
import { ConsoleTestBed } from './support/console-test-bed';

/** A datetime-local value (the browser's local time, to the minute), as the page's time inputs take it. */
function localMinute(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/**
 * Issue 13, the auditor's log in the console: a CO auditor opens "Audit log", narrows it to one user and to a time
 * range (an empty range says so, a backwards one is refused before asking the node), and saves what the filters keep
 * as a CSV file, whose lines are the records the table shows; the node records the export.
 */
describe('the audit log in the console', () => {
  let bed: ConsoleTestBed;

  const apiOf = (username: string) => bed.api(username);
  const pageErrors: string[] = [];

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${bed.consoleUrl}/login`);
    await page.getByLabel('Sign in to').selectOption(bed.user(username).country);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(bed.user(username).password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/work$/);
  }

  /** The user cells of the table's rows. */
  const usersShown = (page: Page): Promise<string[]> =>
    page.locator('[data-testid="audit-records"] tbody tr td:nth-child(3)').allTextContents();

  beforeAll(async () => {
    bed = await ConsoleTestBed.start({
      name: 'auditui',
      members: DEMO_COUNTRIES.filter(({ country }) => country === 'CO'),
    });
  }, 300_000);

  afterAll(() => bed?.stop(), 60_000);

  it('should narrow the log to a user and a time range, and save what it keeps as CSV', async () => {
    const caseWorker = await apiOf('co.caseworker');
    for (let i = 0; i < 3; i++) expect((await caseWorker.GET('/referrals')).response.status).toBe(200);

    const context = await bed.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, 'co.auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log of the CO node' }).waitFor();
    await page.getByTestId('audit-records').waitFor();

    const filters = page.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('User').fill('co.caseworker');
    await filters.getByRole('button', { name: 'Apply' }).click();
    // the caseworker's three lists at least, and no one else's (an empty table while it loads does not count); the
    // cells are read at once from here (a predicate evaluated in the page is refused by the console's CSP)
    await eventually(
      async () => {
        const users = await usersShown(page);
        return users.length >= 3 && users.every((user) => user === 'co.caseworker') ? users : undefined;
      },
      { timeoutMs: 15_000, what: "the caseworker's rows alone" },
    );
    const shown = await usersShown(page);
    // the three lists at least; never anyone else's
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(new Set(shown)).toEqual(new Set(['co.caseworker']));

    // a range in the future keeps nothing
    const inAnHour = new Date(Date.now() + 3_600_000);
    await filters.getByLabel('From').fill(localMinute(inAnHour));
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No audit record matches.').waitFor();

    // one that ends before it starts is refused on the page
    await filters.getByLabel('Before').fill(localMinute(new Date(Date.now() - 3_600_000)));
    await page.getByRole('alert').filter({ hasText: 'The time range ends before it starts.' }).waitFor();
    expect(await filters.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

    // the last hours, to the next one: the user's records again
    await filters.getByLabel('From').fill(localMinute(new Date(Date.now() - 3 * 3_600_000)));
    await filters.getByLabel('Before').fill(localMinute(inAnHour));
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('audit-records').waitFor();
    const inRange = await usersShown(page);
    expect(inRange).toHaveLength(shown.length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^enlace-CO-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const saved = path.join(bed.home, 'audit.csv');
    await download.saveAs(saved);
    const lines = fs
      .readFileSync(saved, 'utf8')
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]).toBe('seq,at,user,action,resources,outcome');
    const seqsShown = (await page
      .locator('[data-testid="audit-records"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))))) as number[];
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(seqsShown);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'co.caseworker')).toBe(true);
    await page.getByTestId('audit-export-saved').waitFor();

    const exports = await (
      await apiOf('co.auditor')
    ).GET('/audit/records', { params: { query: { action: 'GET /api/v1/audit/records.csv' } } });
    expect(exports.data?.items.map((item) => item.user)).toEqual(['co.auditor']);
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

// An admin loads the directory from a spreadsheet (issue 15 §2): a file with a bad row is refused
// with each problem by row and column and nothing imported; the fixed file is accepted; importing
// it again updates the same entries by id; the export has the same header. Also add, edit and
// remove one entry by hand, and a file too large is refused with a message, never a 500.
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalScroll, signInAs, waitForHydration } from './helpers.ts'

const HEADER =
  'id,name,kind,address,town,postcode_district,phone,website,opening_hours,schedule,time_zone,accessibility,languages,last_verified'

test('a CSV with a bad row is refused with problems by row and column, then the fixed file is accepted', async ({
  page,
}) => {
  const run = Date.now().toString(36)
  await signInAs(page, 'admin')
  await page.goto('/admin/directory')
  await waitForHydration(page)
  await expectNoAxeViolations(page, '/admin/directory')
  await page.getByRole('link', { name: 'Import a CSV file' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import the directory')
  await waitForHydration(page)
  await expectNoAxeViolations(page, '/admin/directory/import')

  const good = `${run}-a,Example Upload Service ${run},drug-alcohol-service,6 Example Street,Exampleton,ZZ1,01632 960010,,Mon-Fri 09:00-17:00,,,,,2026-11-20`
  const meeting = `${run}-b,Example Upload Meeting ${run},meeting-ca,online,,,,,,monthly last Fri 19:00,Europe/London,,English,2026-11-20`
  const badMeeting = meeting.replace('monthly last Fri 19:00', 'every Friday')
  const bad = [HEADER, good, badMeeting.replace('meeting-ca', 'meeting-xx')].join('\r\n')
  await page.getByLabel('CSV file (saved as CSV UTF-8, up to 1 MiB)').setInputFiles({
    name: 'directory.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad),
  })
  await page.getByRole('button', { name: 'Import file' }).click()
  const problems = page.getByRole('table', { name: 'Problems in the file' })
  await expect(page.getByText('Nothing was imported. Fix these problems and try again:')).toBeVisible()
  await expect(problems.getByRole('row').nth(1)).toContainText('3')
  await expect(problems.getByRole('row').nth(1)).toContainText('kind')
  await expect(problems.getByRole('row').nth(2)).toContainText('schedule')
  await expectNoAxeViolations(page, '/admin/directory/import with problems listed')
  await page.goto('/admin/directory')
  await expect(page.getByText(`Example Upload Service ${run}`)).toHaveCount(0)

  // The fixed file goes in whole.
  await page.goto('/admin/directory/import')
  await waitForHydration(page)
  await page.getByLabel('CSV file (saved as CSV UTF-8, up to 1 MiB)').setInputFiles({
    name: 'directory.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, good, meeting].join('\r\n')),
  })
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(page.getByText('Imported: 2 added, 0 updated.')).toBeVisible()

  // Again, renamed: the same two entries are updated by their ids.
  await page.getByLabel('CSV file (saved as CSV UTF-8, up to 1 MiB)').setInputFiles({
    name: 'directory.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, good.replace('Upload Service', 'Renamed Service'), meeting].join('\r\n')),
  })
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(page.getByText('Imported: 0 added, 2 updated.')).toBeVisible()
  await page.goto('/admin/directory')
  await expect(page.getByRole('link', { name: `Example Renamed Service ${run}` })).toBeVisible()
  await expect(page.getByText(`Example Upload Service ${run}`)).toHaveCount(0)

  // The export is the same header, with these rows in it.
  const exported = await page.request.get('/admin/directory/export.csv')
  expect(exported.headers()['content-type']).toContain('text/csv')
  const text = await exported.text()
  expect(text.split('\r\n')[0]).toBe(HEADER)
  expect(text).toContain(`${run}-b,Example Upload Meeting ${run},meeting-ca,online`)
})

test('a file over 1 MiB is refused with a message; multipart anywhere else is still refused', async ({ page }) => {
  await signInAs(page, 'admin')
  const big = await page.request.post('/admin/directory/import', {
    multipart: {
      intent: 'upload',
      csv: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(1100 * 1024, 'a') },
    },
  })
  expect(big.status()).toBe(413)
  const elsewhere = await page.request.post('/admin/settings', {
    multipart: { intent: 'upload', csv: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('a') } },
  })
  expect(elsewhere.status()).toBe(415)
})

test('an admin adds, edits and removes an entry by hand', async ({ page }) => {
  const name = `Example Hand Entry ${Date.now().toString(36)}`
  await signInAs(page, 'admin')
  await page.goto('/admin/directory/new')
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Save entry' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, '/admin/directory/new with errors')
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Meeting: SMART Recovery' })
  await page.getByLabel('Address', { exact: true }).fill('online')
  await page.getByLabel('Meeting schedule (meetings only)').fill('weekly Wed 18:30')
  await page.getByLabel('Last checked', { exact: true }).fill('2026-11-30')
  await page.getByRole('button', { name: 'Save entry' }).click()
  await expect(page.getByText('The entry is saved.')).toBeVisible()

  await page.getByRole('link', { name }).click()
  await waitForHydration(page)
  await expectNoAxeViolations(page, '/admin/directory/<id>')
  await page.getByLabel('Meeting schedule (meetings only)').fill('weekly Thu 18:30')
  await page.getByRole('button', { name: 'Save entry' }).click()
  await expect(page.getByText('The entry is saved.')).toBeVisible()
  await page.getByRole('link', { name }).click()
  await expect(page.getByLabel('Meeting schedule (meetings only)')).toHaveValue('weekly Thu 18:30')
  await page.getByRole('button', { name: 'Remove entry' }).click()
  await expect(page.getByText('Tick the box to confirm')).toBeVisible()
  await page.getByLabel('Yes, remove this entry').check()
  await page.getByRole('button', { name: 'Remove entry' }).click()
  await expect(page.getByText('The entry is removed.')).toBeVisible()
  await expect(page.getByRole('link', { name })).toHaveCount(0)
})

test.describe('at 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } })

  test('the import page with problems listed, and the directory list, fit without sideways scrolling', async ({
    page,
  }) => {
    await signInAs(page, 'admin')
    await page.goto('/admin/directory')
    await expectNoHorizontalScroll(page)
    await page.screenshot({ path: '/tmp/admin-directory-360.png' })
    await page.goto('/admin/directory/import')
    await waitForHydration(page)
    await page.getByLabel('CSV text, header row first').fill(`${HEADER}\n,Example,ferry,online,,,,,,,,,,soon`)
    await page.getByRole('button', { name: 'Import text' }).click()
    await expect(page.getByRole('table', { name: 'Problems in the file' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await page.getByRole('table', { name: 'Problems in the file' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/admin-import-360.png' })
  })
})

// Staff download what Foothold keeps about them: a clinician goes from their account page to the
// privacy page and downloads a JSON file with their account and the studio work they did.
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs, waitForHydration } from './helpers.ts'

test.use({ viewport: { width: 360, height: 740 } })

test('a clinician downloads their own data from the privacy page', async ({ page }) => {
  await signInAs(page, 'clinician')
  await page.goto('/account')
  await page.getByRole('link', { name: 'Download your data' }).click()
  await expect(page).toHaveURL(/\/privacy#download$/)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { name: 'Download your data' })).toBeVisible()
  // Nothing here is for clients only: no sharing codes, no delete form.
  await expect(page.getByRole('form', { name: 'Delete your account' })).toHaveCount(0)
  await expectNoAxeViolations(page, '/privacy as a clinician')
  await expectNoHorizontalScroll(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^foothold-data-\d{4}-\d{2}-\d{2}\.json$/)
  const data = JSON.parse(await readFile(await download.path(), 'utf8'))
  expect(data.format).toBe('foothold-export/1')
  expect(data.account).toMatchObject({ username: DEMO.clinician.username, role: 'clinician' })
  expect(data.sessions.length).toBeGreaterThan(0)
  // The demo's draft in review was written by demo-clinician.
  expect(data.studio.versions).toEqual(
    expect.arrayContaining([expect.objectContaining({ roles: expect.arrayContaining(['author']) })]),
  )
  expect(data).not.toHaveProperty('assessments')
  expect(JSON.stringify(data)).not.toMatch(/argon2|passphrase/)
  await expect(page).toHaveURL(/\/privacy/)
})

test('a key worker and an admin can download theirs too', async ({ page }) => {
  for (const role of ['keyworker', 'admin'] as const) {
    await signInAs(page, role)
    const response = await page.request.get('/privacy/export')
    expect(response.status(), role).toBe(200)
    expect((await response.json()).account).toMatchObject({ username: DEMO[role].username, role })
    await page.context().clearCookies()
  }
})

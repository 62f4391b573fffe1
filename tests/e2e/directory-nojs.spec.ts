// The directory without JavaScript: the search is a plain GET form, saving is a plain post, and
// an admin can import by pasting the CSV text (the upload form also posts without scripts).
import { expect, test } from '@playwright/test'
import { signInAs, signUp } from './helpers.ts'

test.use({ javaScriptEnabled: false })

test('a client searches and saves a service without JavaScript', async ({ page }) => {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  await signUp(page)
  await page.goto('/services')
  await page.getByLabel('Town or postcode district').fill('ZZ1')
  await page.getByLabel('Kind').selectOption({ label: 'Needle and syringe programme' })
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/place=ZZ1/)
  await expect(page.locator('.directory-results article h3')).toHaveText([/Example Needle Exchange/])
  await page.getByRole('button', { name: /Save to my plan/ }).click()
  await expect(page.getByText('Saved to your plan.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Saved to your plan' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Take off my plan/ })).toBeVisible()

  // "Meets today" and "Open now" are radio buttons in the same GET form.
  await page.getByLabel('Meets today').check()
  await page.getByLabel('Kind').selectOption({ label: 'Any kind' })
  await page.getByLabel('Town or postcode district').fill('')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/when=meets-today/)
  for (const kind of await page.locator('.directory-results article .hint').allTextContents())
    expect(kind).toMatch(/^Meeting/)
  const own = new URL(page.url()).origin
  expect(urls.filter((url) => !url.startsWith(own))).toEqual([])
})

test('an admin imports pasted CSV text without JavaScript', async ({ page }) => {
  await signInAs(page, 'admin')
  await page.goto('/admin/directory/import')
  const id = `nojs-${Date.now().toString(36)}`
  const csv = [
    'id,name,kind,address,town,postcode_district,phone,website,opening_hours,schedule,time_zone,accessibility,languages,last_verified',
    `${id},Example Pasted Service,drug-checking,5 Example Street,Exampleton,ZZ1,,,Fri 18:00-22:00,,,,,2026-11-20`,
  ].join('\n')
  await page.getByLabel('CSV text, header row first').fill(csv)
  await page.getByRole('button', { name: 'Import text' }).click()
  await expect(page.getByText('Imported: 1 added, 0 updated.')).toBeVisible()
  await page.goto('/admin/directory')
  await expect(page.getByRole('link', { name: 'Example Pasted Service' })).toBeVisible()
})

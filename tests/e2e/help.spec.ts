// Help is never more than one step away, signed in or not (hazards H-002, H-005, H-006, H-007).
import { expect, test } from '@playwright/test'
import { signUp } from './helpers.ts'

const UK_DEFAULTS = [
  ['Emergency services', '999', 'tel:999'],
  ['NHS 111', '111', 'tel:111'],
  ['Samaritans', '116 123', 'tel:116123'],
] as const

test('signed out, /help lists the crisis contacts as numbers to tap', async ({ page }) => {
  const response = await page.goto('/help')
  expect(response?.status()).toBe(200)
  expect(new URL(page.url()).pathname).toBe('/help')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help and crisis contacts')
  for (const [name, number, href] of UK_DEFAULTS) {
    const item = page.getByRole('listitem').filter({ hasText: name })
    await expect(item.getByRole('link', { name: number })).toHaveAttribute('href', href)
  }
})

for (const path of ['/', '/login', '/signup', '/no-such-page']) {
  test(`the footer of ${path} links to help and shows an urgent number`, async ({ page }) => {
    await page.goto(path)
    const footer = page.getByRole('contentinfo')
    await footer.getByRole('link', { name: 'Help and crisis contacts' }).click()
    await expect(page).toHaveURL('/help')
    await page.goto(path)
    await expect(page.getByRole('contentinfo').getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999')
  })
}

test('sign-up and help both say a forgotten passphrase cannot be recovered', async ({ page }) => {
  await page.goto('/signup')
  await expect(page.getByText('There is no email recovery, so keep your passphrase safe.')).toBeVisible()
  await expect(page.getByText('If you forget it, you can start a new account.')).toBeVisible()
  await page.goto('/help')
  await expect(page.getByText('we do not keep an email address, so we cannot reset it')).toBeVisible()
  await expect(page.getByText('You can start a new account.')).toBeVisible()
})

test('the privacy page offers the download before the delete form', async ({ page }) => {
  await signUp(page)
  await page.goto('/privacy')
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents()
  expect(headings.indexOf('Download your data')).toBeGreaterThanOrEqual(0)
  expect(headings.indexOf('Download your data')).toBeLessThan(headings.indexOf('Delete your account'))
  await expect(page.getByText('You may want to download your data first.')).toBeVisible()
})

test('/help#overdose gives the cited overdose steps, readable on a 320 px phone (H-023)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/help#overdose')
  const section = page.getByRole('region', { name: 'If someone may have overdosed' })
  const steps = section.getByRole('listitem')
  await expect(steps).toHaveCount(6)
  await expect(steps.nth(0)).toContainText('Call 999')
  await expect(steps.nth(1)).toContainText('not breathing normally, start CPR')
  await expect(steps.nth(3)).toContainText('2 to 3 minutes, give a second dose')
  await expect(steps.nth(4)).toContainText('Only if they are breathing')
  await expect(section.getByText(/Sources: Resuscitation Council UK/)).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

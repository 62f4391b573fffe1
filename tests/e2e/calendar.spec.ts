// "Add to my calendar" (issue 15 §4; hazard H-040): a client makes and downloads an .ics file
// by form posts, with JavaScript on and off; the file holds the chosen title and reminders;
// nothing about it is in the address; choosing nothing is refused next to the choices.
import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, signUp, uniqueUsername } from './helpers.ts'

async function download(page: Page) {
  await page.getByRole('button', { name: 'Make my calendar file', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Your calendar file is ready' })).toBeVisible()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar file', exact: true }).click(),
  ])
  expect(file.suggestedFilename()).toBe('reminders.ics')
  return readFile(await file.path(), 'utf8')
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled, timezoneId: 'Europe/London' })

    test('a client downloads a calendar file with their own title and a daily reminder', async ({ page }) => {
      await signUp(page, uniqueUsername(javaScriptEnabled ? 'cal' : 'nojs-cal'))
      await page.goto('/track')
      await page.getByRole('link', { name: 'Add to my calendar', exact: true }).click()
      await expect(page).toHaveURL('/reminders')
      if (javaScriptEnabled) await expectNoAxeViolations(page, '/reminders')
      const title = page.getByLabel('Title of every reminder', { exact: true })
      await expect(title).toHaveValue('Foothold check-in')
      await title.fill('Call Sam')
      await page.getByLabel('A reminder to log my day', { exact: true }).selectOption({ label: 'Every day' })
      await page.getByLabel('What time?', { exact: true }).fill('19:30')
      const text = await download(page)
      expect(text).toContain('BEGIN:VCALENDAR')
      expect(text).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T193000/)
      expect(text).toContain('RRULE:FREQ=DAILY')
      expect(text).toContain('SUMMARY:Call Sam')
      expect(text).not.toContain('Foothold check-in')
      // Nothing about the reminders went into the address.
      expect(page.url()).toMatch(/\/reminders$/)

      // Nothing chosen: refused next to the choices, and no file.
      await page.goto('/reminders')
      await page.getByRole('checkbox', { name: /My next check-in/ }).uncheck()
      await page.getByRole('checkbox', { name: 'Checking in on my goals' }).uncheck()
      await page.getByLabel('A reminder to log my day', { exact: true }).selectOption({ label: 'No, thank you' })
      await page.getByRole('button', { name: 'Make my calendar file', exact: true }).click()
      await expect(page.getByText('Choose at least one reminder')).toBeVisible()
      await expect(page.getByRole('button', { name: 'Download calendar file' })).toHaveCount(0)
      if (javaScriptEnabled) await expectNoAxeViolations(page, '/reminders with an error')

      // The usual reminders in one tap: the default title and a daily reminder to log.
      await page.goto('/reminders')
      const [usual] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the usual reminders', exact: true }).click(),
      ])
      const usualText = await readFile(await usual.path(), 'utf8')
      expect(usualText).toContain('SUMMARY:Foothold check-in')
      expect(usualText).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T190000/)
    })
  })
}

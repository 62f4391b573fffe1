// Phones (issue 16, items 1 and 3). Tables: at 320 and 360 px every table page shows its rows as
// cards, so no word in a cell is split over two lines (measured word by word with
// Range.getClientRects: a word broken across lines has boxes on two lines) and nothing scrolls
// sideways. Navigation: at 360×740 the header (quick exit and menu) is at most 100 px tall, the
// quick exit stays in view, and every link in the menu is reachable by keyboard without JavaScript.
// Screenshots of the table pages at 360 px go to /tmp/phones/ (outside the repository).
import { mkdirSync } from 'node:fs'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { DEMO, type DemoRole, expectNoAxeViolations, expectNoHorizontalScroll, signInByRequest } from './helpers.ts'

const SHOTS = '/tmp/phones'

/** Every word of every visible table cell in <main> that the browser drew on more than one line. */
async function wordsSplitOverLines(page: Page): Promise<{ cells: number; split: string[] }> {
  return page.evaluate(() => {
    const split: string[] = []
    let cells = 0
    for (const cell of document.querySelectorAll<HTMLElement>('main table th, main table td')) {
      if (cell.getClientRects().length === 0) continue // in a closed <details>
      cells++
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        // A word may break after its hyphen (check-|in), as text does anywhere; never inside a part.
        for (const match of text.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange()
          range.setStart(node, match.index ?? 0)
          range.setEnd(node, (match.index ?? 0) + match[0].length)
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)))
          if (tops.size > 1) split.push(match[0])
        }
      }
    }
    return { cells, split }
  })
}

async function expectReadableTables(page: Page, label: string, width: number, shot?: string): Promise<void> {
  const { cells, split } = await wordsSplitOverLines(page)
  expect(cells, `${label} at ${width} px should show a table`).toBeGreaterThan(0)
  expect(split, `${label} at ${width} px splits these words over two lines`).toEqual([])
  // What sticks out past the right edge, to name in the failure.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      // Clipped to 1 px (hidden from view, kept for screen readers): their boxes stick out unseen.
      .filter((el) => !el.closest('thead, .visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter(
        (el) =>
          ![...el.children].some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5),
      )
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 40)}`),
  )
  expect(wide, `${label} at ${width} px is wider than the screen here`).toEqual([])
  await expectNoHorizontalScroll(page)
  if (shot && width === 360) {
    await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true })
    // And a screen's worth from the first table down, readable at full size.
    const top = await page.evaluate(() => {
      const table = [...document.querySelectorAll('main table')].find((t) => t.getClientRects().length > 0)
      return table ? Math.max(0, table.getBoundingClientRect().top + window.scrollY - 60) : 0
    })
    await page.screenshot({
      path: `${SHOTS}/${shot}-table.png`,
      fullPage: true,
      clip: { x: 0, y: top, width, height: 1200 },
    })
  }
}

async function signedInPage(browser: Browser, role: DemoRole, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 } })
  const page = await context.newPage()
  await signInByRequest(page.request, DEMO[role].username, DEMO[role].passphrase)
  return page
}

for (const width of [320, 360]) {
  test(`no table splits a word at ${width} px, and nothing scrolls sideways`, async ({ browser }) => {
    test.setTimeout(60_000)
    mkdirSync(SHOTS, { recursive: true })

    // The key worker first: their looks fill the client's access log.
    const worker = await signedInPage(browser, 'keyworker', width)
    await worker.goto('/caseload')
    await expectReadableTables(worker, 'caseload', width, 'caseload')
    await worker.locator('main table a').first().click()
    await expect(worker).toHaveURL(/\/caseload\/[0-9a-f-]{36}$/)
    await expectReadableTables(worker, "a client's page", width, 'client-page')
    await worker.getByRole('link', { name: 'Session summary (print or PDF)' }).click()
    await expect(worker).toHaveURL(/\/summary/)
    await expectReadableTables(worker, 'session summary', width, 'summary')
    await worker.context().close()

    const client = await signedInPage(browser, 'client', width)
    for (const [path, shot] of [
      ['/assessment/results', 'results'],
      ['/assessment/history', 'score-history'],
      ['/privacy', 'privacy'],
    ] as const) {
      await client.goto(path)
      // The life-area table on the results is folded under "Show as a table": open it.
      const folded = client.locator('details.numbers:not([open]) > summary')
      while ((await folded.count()) > 0) await folded.first().click()
      await expectReadableTables(client, path, width, shot)
    }
    await client.goto('/progress')
    const closed = client.locator('details.numbers:not([open]) > summary')
    while ((await closed.count()) > 0) await closed.first().click()
    await expectReadableTables(client, '/progress with its tables open', width, 'progress')
    await client.context().close()
  })
}

test.describe('the navigation on a 360×740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('is a short header with the quick exit in view and a menu that folds the links', async ({ page }) => {
    await signInByRequest(page.request, DEMO.client.username, DEMO.client.passphrase)
    await page.goto('/home')
    const header = await page.locator('header.site-header').boundingBox()
    expect(header?.height ?? 999, 'header height in px').toBeLessThanOrEqual(100)
    await expect(page.getByTestId('quick-exit')).toBeInViewport()
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link', { name: 'Progress' })).toBeHidden()
    await expectNoAxeViolations(page, '/home at 360 px, menu closed')
    await nav.getByText('Menu', { exact: true }).click()
    await expect(nav.getByRole('link', { name: 'Progress' })).toBeVisible()
    await expect(page.getByTestId('quick-exit')).toBeInViewport()
    await expectNoAxeViolations(page, '/home at 360 px, menu open')
    // With JavaScript, following a link closes the menu.
    await nav.getByRole('link', { name: 'Progress' }).click()
    await expect(page).toHaveURL('/progress')
    await expect(nav.getByRole('link', { name: 'Track' })).toBeHidden()
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('every link in the menu is reached with the keyboard', async ({ page }) => {
      await signInByRequest(page.request, DEMO.client.username, DEMO.client.passphrase)
      await page.goto('/home')
      const header = await page.locator('header.site-header').boundingBox()
      expect(header?.height ?? 999, 'header height in px').toBeLessThanOrEqual(100)
      await expect(page.getByTestId('quick-exit')).toBeInViewport()
      const reached = new Set<string>()
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab')
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          return {
            inNav: !!el?.closest('nav[aria-label="Main"]'),
            tag: el?.tagName ?? '',
            text: el?.textContent?.trim() ?? '',
            open: !!el?.closest('details')?.open,
          }
        })
        if (!focused.inNav) {
          if (reached.size > 0) break
          continue
        }
        if (focused.tag === 'SUMMARY' && !focused.open) await page.keyboard.press('Enter')
        else reached.add(focused.text)
      }
      expect([...reached].sort()).toEqual(
        ['Home', 'Check-in', 'Modules', 'Track', 'Progress', 'Services', 'Your privacy', 'Account', 'Sign out'].sort(),
      )
    })
  })
})

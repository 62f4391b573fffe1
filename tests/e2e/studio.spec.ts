// The studio end to end (issue 14): a clinician rewords a module and adds a step with a branch,
// previews both routes and submits; a second clinician reviews the diff, approves and publishes;
// a new client then gets the new wording.
import { expect, test } from '@playwright/test'
import { signIn, signInAs, signUp, waitForHydration } from './helpers.ts'
import { editModule, previewBothRoutes, REVIEWER, submitForReview } from './studio-helpers.ts'

const MODULE = 'riding-out-urges'
const HEADING = 'Urges come and go like waves'

test('a change goes from one clinician, through another, to a new client', async ({ browser }) => {
  test.setTimeout(90_000)
  const author = await (await browser.newContext()).newPage()
  await signInAs(author, 'clinician')
  await expect(
    author.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' }).first(),
  ).toBeAttached()
  const added = await editModule(author, { module: MODULE, title: 'Riding out urges', heading: HEADING, atLeast: 8 })
  await previewBothRoutes(author, MODULE, added)
  await submitForReview(author, MODULE)

  const reviewer = await (await browser.newContext()).newPage()
  await signIn(reviewer, REVIEWER.username, REVIEWER.passphrase)
  await reviewer.goto('/studio')
  await waitForHydration(reviewer)
  await reviewer.getByRole('link', { name: 'Review “Riding out urges”' }).click()
  await waitForHydration(reviewer)
  const first = reviewer.getByRole('region', { name: `Step 1: ${HEADING}` })
  await expect(first.locator('ins').first()).toContainText('come')
  await expect(first.locator('del').first()).toContainText('are')
  await expect(reviewer.getByRole('region', { name: `Step 3: ${added}` })).toContainText('not there')
  await first.getByLabel('Comment on this step (optional)').fill('Plainer. Good.')
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await expect(reviewer.getByText('Approved, not yet published')).toBeVisible()
  await reviewer.getByRole('button', { name: /Publish version/ }).click()
  await expect(reviewer).toHaveURL(`/studio/module/${MODULE}/versions`)
  await expect(reviewer.getByText('Clients get: the service’s published version.')).toBeVisible()

  const client = await (await browser.newContext()).newPage()
  await signUp(client)
  await client.goto(`/modules/${MODULE}`)
  await waitForHydration(client)
  await client.getByRole('button', { name: 'Start this module' }).click()
  await expect(client.getByRole('heading', { level: 1 })).toHaveText(HEADING)
})

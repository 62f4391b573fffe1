// The studio's editor without JavaScript (issue 14): the same edit as studio.spec.ts, every
// change a plain form post, the preview plain links, then sent for review.
import { test } from '@playwright/test'
import { signInAs } from './helpers.ts'
import { editModule, previewBothRoutes, submitForReview } from './studio-helpers.ts'

test.use({ javaScriptEnabled: false })

test('a clinician rewords a module, adds a step with a branch, previews both routes and submits, without JavaScript', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const module = 'people-who-support-you'
  await signInAs(page, 'clinician')
  const added = await editModule(page, {
    module,
    title: 'People who support you',
    heading: 'Why the people around you matter',
    atLeast: 8,
  })
  await previewBothRoutes(page, module, added)
  await submitForReview(page, module)
})

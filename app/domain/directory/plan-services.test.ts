// The client's plan (the results page) lists the services they saved on /services.
import { describe, expect, it } from 'vitest'
import { currentPage, getOpenAssessment, savePage, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import { loader as resultsLoader } from '#app/routes/assessment.results.tsx'
import { getDb } from '#db/client.ts'
import { seedDirectoryDemo } from '#db/seed-directory.ts'
import { dataOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { saveService } from './client-services.server.ts'

describe('services on the plan', () => {
  it('shows the saved services on the results page', async () => {
    seedDirectoryDemo(getDb(), new Date())
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    for (let guard = 0; guard < 100 && (await getOpenAssessment(user.id)); guard++) {
      const open = await getOpenAssessment(user.id)
      if (!open) break
      const { page } = await currentPage(open)
      const answers = Object.fromEntries(page.items.map((item) => [item.id, String(item.options[0]?.value)]))
      await savePage(user.id, { pageIndex: page.index, answers, direction: 'next' })
    }
    expect(await saveService(user.id, 'example-recovery-hub')).toBe('saved')
    const cookie = await signedInCookie(user)
    const result = await resultsLoader({
      request: makeRequest('/assessment/results', { cookie }),
      params: {},
      context: loadContext,
    })
    expect(dataOf<{ services: unknown[] }>(result).services).toEqual([
      { id: 'example-recovery-hub', name: 'Example Recovery Hub (made-up demo entry)' },
    ])
  })
})

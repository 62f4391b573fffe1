// The main menu by role: who is offered the studio (clinicians, and admins who may read it), and
// the current section marked.
import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import type { Role } from '#db/schema/users.ts'
import { SiteNav } from './site-nav.tsx'

/** The menu's links (the bar's copy) as [href, text, current?] on the page at `path`. */
async function menu(role: Role | null, path: string) {
  const handler = createStaticHandler([{ path: '*', element: <SiteNav role={role} /> }])
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw context
  const html = renderToStaticMarkup(
    <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />,
  )
  const bar = html.match(/<div class="site-nav-bar">(.*?)<\/div>/s)?.[1] ?? ''
  return [...bar.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)].map(([, attributes = '', text]) => [
    attributes.match(/href="([^"]*)"/)?.[1],
    text,
    attributes.includes('aria-current="page"'),
  ])
}

describe('the main menu', () => {
  it('offers an admin the studio, marked current on a studio page', async () => {
    expect(await menu('admin', '/home')).toContainEqual(['/studio', 'Studio', false])
    expect(await menu('admin', '/studio/module/saying-no')).toContainEqual(['/studio', 'Studio', true])
  })

  it('offers the studio to clinicians too, and not to clients or key workers', async () => {
    expect(await menu('clinician', '/home')).toContainEqual(['/studio', 'Studio', false])
    for (const role of ['client', 'keyworker', null] as const)
      expect((await menu(role, '/home')).map(([href]) => href)).not.toContain('/studio')
  })
})

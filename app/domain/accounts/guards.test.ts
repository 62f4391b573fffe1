// Each role × each guarded route: allowed, sent to sign in (302), or refused (403).
import { beforeAll, describe, expect, it } from 'vitest'
import * as account from '#app/routes/account.tsx'
import * as adminSettings from '#app/routes/admin.settings.tsx'
import * as adminStaff from '#app/routes/admin.staff.tsx'
import * as goals from '#app/routes/goals.tsx'
import * as deleteGoal from '#app/routes/goals_.$id.delete.tsx'
import * as editGoal from '#app/routes/goals_.$id.edit.tsx'
import * as home from '#app/routes/home.tsx'
import * as login from '#app/routes/login.tsx'
import * as modules from '#app/routes/modules._index.tsx'
import * as modulePage from '#app/routes/modules.$moduleId._index.tsx'
import * as worksheetPage from '#app/routes/modules.$moduleId.worksheet.$stepId._index.tsx'
import * as worksheetFile from '#app/routes/modules.$moduleId.worksheet.$stepId.$file.tsx'
import * as csvExport from '#app/routes/privacy.export.$file.ts'
import * as privacyExport from '#app/routes/privacy.export.ts'
import * as privacy from '#app/routes/privacy.tsx'
import * as signup from '#app/routes/signup.tsx'
import * as track from '#app/routes/track._index.tsx'
import * as trackUrge from '#app/routes/track.urges.$id.tsx'
import * as trackUse from '#app/routes/track.use.$id.tsx'
import * as newUse from '#app/routes/track.use.new.tsx'
import type { Role } from '#db/schema/index.ts'
import { statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

type Who = 'anonymous' | Role
const WHO: Who[] = ['anonymous', 'client', 'keyworker', 'clinician', 'admin']

// Expected status for each route, in WHO order. 200 = allowed (or a form error for an empty post).
const MATRIX: Array<{
  name: string
  path: string
  handler: Parameters<typeof statusOf>[0]
  post?: boolean
  params?: Record<string, string>
  expected: number[]
}> = [
  { name: 'home', path: '/home', handler: home.loader, expected: [302, 200, 200, 200, 200] },
  { name: 'account page', path: '/account', handler: account.loader, expected: [302, 200, 200, 200, 200] },
  {
    name: 'change passphrase',
    path: '/account',
    handler: account.action,
    post: true,
    expected: [302, 400, 400, 400, 400],
  },
  { name: 'privacy page', path: '/privacy', handler: privacy.loader, expected: [200, 200, 200, 200, 200] },
  {
    name: 'delete account',
    path: '/privacy',
    handler: privacy.action,
    post: true,
    expected: [302, 400, 403, 403, 403],
  },
  {
    name: 'download my data',
    path: '/privacy/export',
    handler: privacyExport.loader,
    expected: [302, 200, 200, 200, 200],
  },
  { name: 'staff list', path: '/admin/staff', handler: adminStaff.loader, expected: [302, 403, 403, 403, 200] },
  {
    name: 'create staff',
    path: '/admin/staff',
    handler: adminStaff.action,
    post: true,
    expected: [302, 403, 403, 403, 400],
  },
  {
    name: 'settings page',
    path: '/admin/settings',
    handler: adminSettings.loader,
    expected: [302, 403, 403, 403, 200],
  },
  {
    name: 'save settings',
    path: '/admin/settings',
    handler: adminSettings.action,
    post: true,
    expected: [302, 403, 403, 403, 400],
  },
  { name: 'module list', path: '/modules', handler: modules.loader, expected: [302, 200, 403, 403, 403] },
  {
    name: 'module page',
    path: '/modules/saying-no',
    handler: modulePage.loader,
    params: { moduleId: 'saying-no' },
    expected: [302, 200, 403, 403, 403],
  },
  {
    // An empty post to a module the client has not started: nothing to step.
    name: 'module step',
    path: '/modules/saying-no',
    handler: modulePage.action,
    post: true,
    params: { moduleId: 'saying-no' },
    expected: [302, 404, 403, 403, 403],
  },
  {
    name: 'printable worksheet',
    path: '/modules/saying-no/worksheet/script',
    handler: worksheetPage.loader,
    params: { moduleId: 'saying-no', stepId: 'script' },
    expected: [302, 200, 403, 403, 403],
  },
  {
    name: 'worksheet PDF',
    path: '/modules/saying-no/worksheet/script/blank.pdf',
    handler: worksheetFile.loader,
    params: { moduleId: 'saying-no', stepId: 'script', file: 'blank.pdf' },
    expected: [302, 200, 403, 403, 403],
  },
  { name: 'tracking page', path: '/track', handler: track.loader, expected: [302, 200, 403, 403, 403] },
  // An empty post is an urge with no strength: refused with a message.
  { name: 'log an urge', path: '/track', handler: track.action, post: true, expected: [302, 400, 403, 403, 403] },
  {
    name: 'an urge that is not there',
    path: '/track/urges/none',
    handler: trackUrge.loader,
    params: { id: 'none' },
    expected: [302, 404, 403, 403, 403],
  },
  { name: 'use diary form', path: '/track/use/new', handler: newUse.loader, expected: [302, 200, 403, 403, 403] },
  { name: 'log use', path: '/track/use/new', handler: newUse.action, post: true, expected: [302, 400, 403, 403, 403] },
  {
    name: 'a use entry that is not there',
    path: '/track/use/none',
    handler: trackUse.loader,
    params: { id: 'none' },
    expected: [302, 404, 403, 403, 403],
  },
  { name: 'goals page', path: '/goals', handler: goals.loader, expected: [302, 200, 403, 403, 403] },
  { name: 'goals post', path: '/goals', handler: goals.action, post: true, expected: [302, 400, 403, 403, 403] },
  {
    name: 'a goal to change that is not there',
    path: '/goals/none/edit',
    handler: editGoal.loader,
    params: { id: 'none' },
    expected: [302, 404, 403, 403, 403],
  },
  {
    name: 'changing a goal that is not there',
    path: '/goals/none/edit',
    handler: editGoal.action,
    post: true,
    params: { id: 'none' },
    expected: [302, 404, 403, 403, 403],
  },
  {
    name: 'deleting a goal that is not there',
    path: '/goals/none/delete',
    handler: deleteGoal.action,
    post: true,
    params: { id: 'none' },
    expected: [302, 400, 403, 403, 403],
  },
  {
    name: 'urges CSV',
    path: '/privacy/export/urges.csv',
    handler: csvExport.loader,
    params: { file: 'urges.csv' },
    expected: [302, 200, 403, 403, 403],
  },
  { name: 'sign-in page', path: '/login', handler: login.loader, expected: [200, 302, 302, 302, 302] },
  { name: 'sign-up page', path: '/signup', handler: signup.loader, expected: [200, 302, 302, 302, 302] },
]

const cookies = new Map<Who, string | undefined>()

beforeAll(async () => {
  cookies.set('anonymous', undefined)
  for (const role of WHO) if (role !== 'anonymous') cookies.set(role, await signedInCookie(await makeUser(role)))
})

describe.each(MATRIX)('$name ($path)', ({ path, handler, post, params, expected }) => {
  it.each(WHO.map((who, i) => [who, expected[i]] as const))('%s → %i', async (who, status) => {
    const request = makeRequest(path, { cookie: cookies.get(who), ...(post ? { form: {} } : {}) })
    expect(await statusOf(handler, request, params)).toBe(status)
  })
})

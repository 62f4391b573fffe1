// The form sweep's tools: find every post form by crawling the running server's pages, list the
// route modules that export an action, and take a digest of the database to prove a refused post
// changed nothing. Used by form-sweep.spec.ts and bad-input.spec.ts.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import Database from 'better-sqlite3'

/** One way to send a form: its action, its fields as the page fills them, and which button. */
export type FoundForm = {
  /** Where it was found (for messages). */
  page: string
  action: string
  fields: Array<{ name: string; value: string; kind: 'text' | 'choice' | 'hidden' }>
  submitter: { name: string; value: string } | null
}

/** Pages never crawled: they sign out, or send files rather than pages. */
const SKIP = /^\/(logout|healthz)|\.(pdf|csv|json)$|^\/privacy\/export/

/**
 * Visits same-origin pages from `start` (breadth first, at most `maxPages`) and returns every
 * `<form method="post">` on them, once per submit button that carries a name (an intent).
 */
export async function crawlForms(page: Page, start: string[], maxPages = 60): Promise<FoundForm[]> {
  const origin = new URL(page.url() === 'about:blank' ? 'http://x/' : page.url()).origin
  const queue = [...start]
  const seen = new Set<string>()
  const forms: FoundForm[] = []
  while (queue.length > 0 && seen.size < maxPages) {
    const path = queue.shift() as string
    const key = pageKey(path)
    if (seen.has(key) || SKIP.test(new URL(path, 'http://x').pathname)) continue
    seen.add(key)
    // A link that starts a download (the privacy export, worksheets) is not a page.
    const response = await page.goto(path).catch(() => null)
    if (!response || response.status() >= 400) continue
    const here = new URL(page.url())
    if (origin !== 'http://x' && here.origin !== origin) continue
    const found = await page.evaluate(collectForms)
    forms.push(...found.map((form) => ({ ...form, page: here.pathname + here.search })))
    for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      if (href?.startsWith('/') && !href.startsWith('//')) queue.push(href.split('#')[0] as string)
  }
  return forms
}

/** A page's path with ids and query strings folded, so a list of 300 urges costs one visit. */
function pageKey(path: string): string {
  const url = new URL(path, 'http://x')
  return url.pathname.replace(/\/[0-9a-f-]{16,}|\/[A-Za-z0-9_-]{20,}/g, '/:id')
}

/** Runs in the page: every post form, once per named submit button. */
function collectForms(): Omit<FoundForm, 'page'>[] {
  const out: Omit<FoundForm, 'page'>[] = []
  for (const form of Array.from(document.querySelectorAll('form'))) {
    if ((form.getAttribute('method') ?? '').toLowerCase() !== 'post') continue
    const fields: FoundForm['fields'] = []
    const submitters: Array<{ name: string; value: string } | null> = []
    for (const element of Array.from(form.elements)) {
      const el = element as HTMLInputElement
      if (!el.name && !(el.type === 'submit' || el.tagName === 'BUTTON')) continue
      if (el.tagName === 'BUTTON' || el.type === 'submit') {
        if ((el as unknown as HTMLButtonElement).type !== 'submit') continue
        submitters.push(el.name ? { name: el.name, value: el.value } : null)
        continue
      }
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) {
        // An unchecked choice still names a field the form can send.
        if (!fields.some((f) => f.name === el.name)) fields.push({ name: el.name, value: '', kind: 'choice' })
        continue
      }
      const kind =
        el.type === 'hidden'
          ? 'hidden'
          : el.tagName === 'SELECT' || el.type === 'checkbox' || el.type === 'radio'
            ? 'choice'
            : 'text'
      const existing = fields.findIndex((f) => f.name === el.name && f.value === '')
      if (existing >= 0) fields.splice(existing, 1)
      fields.push({ name: el.name, value: el.value, kind })
    }
    if (submitters.length === 0) submitters.push(null)
    const seen = new Set<string>()
    for (const submitter of submitters) {
      const key = submitter ? `${submitter.name}=${submitter.value}` : ''
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ action: form.action, fields, submitter })
    }
  }
  return out
}

/** A form's identity for de-duplication: its route (ids folded), button and field names. */
export function formKey(form: FoundForm): string {
  const names = [...new Set(form.fields.map((f) => f.name))].sort().join(',')
  const button = form.submitter ? `${form.submitter.name}=${form.submitter.value}` : ''
  return `${pageKey(form.action)} [${button}] (${names})`
}

/** Every route module under app/routes that exports an action, with a regex for its URLs. */
export function routesWithActions(root = 'app/routes'): Array<{ file: string; pattern: RegExp }> {
  return readdirSync(root)
    .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
    .filter((file) =>
      /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(join(root, file), 'utf8')),
    )
    .map((file) => ({ file, pattern: routePattern(file) }))
}

/** Remix flat-route file name to a URL regex: `track.urges.$id.tsx` → ^/track/urges/[^/]+$, `goals_.$id.edit.tsx` → ^/goals/[^/]+/edit$. */
export function routePattern(file: string): RegExp {
  const base = file.replace(/\.tsx?$/, '')
  // Dots inside [ ] are literal; other dots separate segments.
  const segments = base.match(/(\[[^\]]*\]|[^.[\]]+)+/g) ?? []
  const parts = segments
    // `_index` and pathless layouts (`_auth`) add nothing to the URL.
    .filter((segment) => !segment.startsWith('_'))
    // A trailing `_` (`goals_.$id.edit`) only opts out of the parent's layout.
    .map((segment) => segment.replace(/_$/, ''))
    .map((segment) => {
      if (segment === '$') return '.*'
      if (segment.startsWith('$')) return '[^/]+'
      return segment.replace(/\[([^\]]*)\]/g, (_, literal: string) => literal.replace(/[.*+?^${}()|]/g, '\\$&'))
    })
  return new RegExp(`^/${parts.join('/')}/?$`)
}

/**
 * Tables, or columns, that change on requests by design and so are left out of the digest:
 * - `access_log`: a refused post to a client's page (a key worker's label or suggestion form)
 *   still renders that page, and every view of a client’s data is logged (H-020).
 * - `sessions.last_seen_at`: sliding session expiry touches it on every signed-in request.
 * - `users.last_active_at`: the sign-in guard refreshes it on a signed-in request (for the
 *   caseload's "no activity" flag), whatever the request then does.
 * - `rate_limits`: a limited form (sign-in, sign-up, an invite, a share code) counts every
 *   attempt before it reads the input, so that bad input cannot be used to try without limit
 *   (ADR 0017). The count is the only thing such a refused post writes.
 */
const IGNORED_TABLES = new Set(['access_log', 'rate_limits'])
// A session seen after a minute touches its user's last_active_at, and drizzle's $onUpdateFn bumps
// updated_at with it: a sweep longer than a minute meets that touch in the middle of some post. A
// real change to a user changes another column too, so neither hides one.
const IGNORED_COLUMNS: Record<string, string[]> = {
  sessions: ['last_seen_at'],
  users: ['last_active_at', 'updated_at'],
}

/** One hash per table of every row (read-only connection), to compare before and after a post. */
export function databaseDigest(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
    const digest: Record<string, string> = {}
    for (const table of tables) {
      if (IGNORED_TABLES.has(table)) continue
      const ignored = IGNORED_COLUMNS[table] ?? []
      const rows: string[] = []
      for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
        for (const column of ignored) delete row[column]
        rows.push(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value)))
      }
      // Sorted, so the digest does not depend on the order SQLite happens to return rows in.
      digest[table] = createHash('sha256').update(rows.sort().join('\n')).digest('hex')
    }
    return digest
  } finally {
    db.close()
  }
}

/** The tables whose digests differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((name) => before[name] !== after[name])
}

export const DATABASE_PATH = `data/e2e-${Number(process.env.E2E_PORT || 3100)}.db`

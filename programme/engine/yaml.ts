// Reads one YAML content file and validates it with its zod schema, reporting problems by
// file with paths that name elements by their id ("items[phq-9-4].options[1]").
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import type { z } from 'zod'
import type { Issues } from './checks.ts'

/** "items[phq-9-4].options[1].value": array positions shown by the element's id where it has one. */
export function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let node = data
  let out = ''
  for (const key of path) {
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key]
    if (typeof key === 'number') {
      const id = (next as { id?: unknown } | undefined)?.id
      out += typeof id === 'string' ? `[${id}]` : `[${key}]`
    } else {
      out += `${out ? '.' : ''}${String(key)}`
    }
    node = next
  }
  return out || '(top level)'
}

export function readYaml<T>(dir: string, file: string, schema: z.ZodType<T>, issues: Issues): T | undefined {
  const path = join(dir, file)
  if (!existsSync(path)) {
    issues.error(file, 'file is missing')
    return undefined
  }
  const document = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true })
  for (const warning of document.warnings) issues.warn(file, warning.message)
  if (document.errors.length > 0) {
    for (const error of document.errors) issues.error(file, error.message)
    return undefined
  }
  const data: unknown = document.toJS()
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) issues.error(file, `${describePath(data, issue.path)}: ${issue.message}`)
  return undefined
}

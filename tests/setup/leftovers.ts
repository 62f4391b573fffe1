// Finds every row in every table that still mentions a value (e.g. a deleted user's id), so a
// test can prove that nothing about a person is left behind, including in tables added later.
import { getDb } from '#db/client.ts'

export function rowsMentioning(value: string): Array<{ table: string; row: unknown }> {
  const sqlite = getDb().$client
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .all() as Array<{ name: string }>
  const found: Array<{ table: string; row: unknown }> = []
  for (const { name } of tables) {
    const columns = sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as Array<{ name: string }>
    const where = columns.map((c) => `cast("${c.name}" as text) like ?`).join(' or ')
    const rows = sqlite.prepare(`select * from "${name}" where ${where}`).all(...columns.map(() => `%${value}%`))
    for (const row of rows) found.push({ table: name, row })
  }
  return found
}

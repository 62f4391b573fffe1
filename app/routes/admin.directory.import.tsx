// Admin: import the directory from a CSV file, uploaded (the one route allowed to post
// multipart/form-data, app/http/form-body.server.ts) or pasted. Every row is checked first; if any
// is wrong nothing is imported and the page lists each problem by row and column.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { type CsvProblem, readDirectoryCsv } from '#app/domain/directory/csv.server.ts'
import { importEntries } from '#app/domain/directory/entries.server.ts'
import { CSV_COLUMNS } from '#app/domain/directory/entry-schema.ts'

export const meta: MetaFunction = () => [{ title: 'Import the directory – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

type Outcome =
  | { ok: true; created: number; updated: number }
  | { ok: false; message: string; problems: CsvProblem[]; more: number }

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, 'admin')
  const formData = await request.formData()
  const csv = formData.get('csv')
  if (typeof csv !== 'string' || csv.trim() === '') {
    const message = formData.get('intent') === 'paste' ? 'Paste the CSV text first.' : 'Choose a CSV file first.'
    return data<Outcome>({ ok: false, message, problems: [], more: 0 }, { status: 400 })
  }
  const read = readDirectoryCsv(csv)
  if (!read.ok)
    return data<Outcome>(
      {
        ok: false,
        message: 'Nothing was imported. Fix these problems and try again:',
        problems: read.problems,
        more: read.more,
      },
      { status: 400 },
    )
  const { created, updated } = await importEntries(read.entries)
  return data<Outcome>({ ok: true, created, updated })
}

export default function DirectoryImport() {
  const outcome = useActionData<typeof action>()
  return (
    <section>
      <p>
        <Link to="/admin/directory">Back to the directory</Link>
      </p>
      <h1>Import the directory</h1>
      <p>
        The file's first row must be this header (columns in any order). Foothold checks every row first: if any row is
        wrong, nothing is imported. A row with the id of an entry updates it; a row with an empty id adds an entry.
      </p>
      <p>
        {CSV_COLUMNS.map((column, i) => (
          <span key={column}>
            <code>{column}</code>
            {i < CSV_COLUMNS.length - 1 ? ', ' : ''}
          </span>
        ))}
      </p>
      <p>
        Write it with commas and no spaces. Each column is described in the directory CSV guide (docs/directory-csv.md
        in Foothold's files).
      </p>
      <p>
        To start from what is there now, <a href="/admin/directory/export.csv">export the directory as CSV</a>.
      </p>
      <div id="import-outcome" role="status" tabIndex={-1}>
        {outcome?.ok ? (
          <p className="notice">
            Imported: {outcome.created} added, {outcome.updated} updated.{' '}
            <Link to="/admin/directory">See the directory</Link>.
          </p>
        ) : null}
        {outcome && !outcome.ok ? (
          <div className="form-error">
            <p>{outcome.message}</p>
            {outcome.problems.length > 0 ? (
              <table>
                <caption>Problems in the file</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.problems.map((problem, i) => (
                    <tr key={`${problem.row}-${problem.column}-${i}`}>
                      <td data-label="Row">{problem.row}</td>
                      <td data-label="Column">{problem.column ?? '–'}</td>
                      <td data-label="Problem">{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {outcome.more > 0 ? <p>And {outcome.more} more problems.</p> : null}
          </div>
        ) : null}
      </div>

      <h2 id="upload-heading">Upload a file</h2>
      <Form method="post" encType="multipart/form-data" aria-labelledby="upload-heading">
        <input type="hidden" name="intent" value="upload" />
        <div className="field">
          <label htmlFor="import-file">CSV file (saved as CSV UTF-8, up to 1 MiB)</label>
          <input id="import-file" name="csv" type="file" accept=".csv,text/csv" />
        </div>
        <button type="submit" className="button">
          Import file
        </button>
      </Form>

      <h2 id="paste-heading">Or paste the CSV text</h2>
      <Form method="post" aria-labelledby="paste-heading">
        <input type="hidden" name="intent" value="paste" />
        <div className="field">
          <label htmlFor="import-text">CSV text, header row first</label>
          <textarea id="import-text" name="csv" rows={8} spellCheck={false} />
        </div>
        <button type="submit" className="button">
          Import text
        </button>
      </Form>
    </section>
  )
}

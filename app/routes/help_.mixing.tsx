// "Mixing drugs": the table of dangerous combinations, each with why and where it comes from
// (content/safety/mixing.yaml; hazard H-039). Open to everyone, signed in or not.
import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OVERDOSE_GUIDE_HREF } from '#app/components/overdose-steps.tsx'
import { mixingTable } from '#app/domain/safety/mixing.server.ts'

export const meta: MetaFunction = () => [{ title: 'Mixing drugs – Foothold' }]

export async function loader() {
  return mixingTable()
}

export default function Mixing() {
  const { rows } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <h1>Mixing drugs</h1>
      <p>
        Some drugs and medicines are much more dangerous together than on their own. Many overdoses happen because two
        things that slow down breathing were taken on the same day.
      </p>
      <p>
        If you log two of these on the same day, or one of them with a medicine you listed on{' '}
        <Link to="/medicines">your medicines</Link>, we show you a warning straight away. Nobody else sees it unless you
        share your tracking.
      </p>
      <p>
        If someone is very sleepy, cannot be woken, or their breathing is slow, noisy or has stopped, call 999.{' '}
        <Link to={OVERDOSE_GUIDE_HREF}>What to do if someone may have overdosed</Link>.
      </p>
      <h2>Dangerous together</h2>
      <table className="mixing-table">
        <thead>
          <tr>
            <th scope="col">These two</th>
            <th scope="col">Why it is dangerous</th>
            <th scope="col">Where this comes from</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} id={row.id}>
              <th scope="row" data-label="These two">
                {row.names[0]} with {row.names[1]}
              </th>
              <td data-label="Why it is dangerous">{row.reason}</td>
              <td data-label="Where this comes from">
                <ul className="sources">
                  {row.sources.map((source) => (
                    <li key={source.title}>
                      {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.publisher}
                      {source.year ? `, ${source.year}` : ''}
                      {source.note ? ` (${source.note})` : ''}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>What this list does not cover</h2>
      <p>
        This is not every dangerous mix. It only lists what we could check with a trusted source. "Another drug" in your
        diary never gives a warning, because we do not know what it was. If you are not sure whether something is safe
        to take with your medicine, ask a pharmacist, your doctor or your drug service.
      </p>
    </section>
  )
}

// The client's side of sharing, on their privacy page: make a share code with chosen parts,
// see who can see what and since when, change it or stop, and read every look a worker took.
import { Form } from '@remix-run/react'
import type { SharingReply } from '#app/domain/sharing/actions.server.ts'
import type { SharingView } from '#app/domain/sharing/view.server.ts'
import { Choice, FormError } from './forms.tsx'

type Props = { view: SharingView; reply: SharingReply | undefined }

/** The message for one form (by its id), as an alert or a status line. */
function Message({ reply, form }: { reply: SharingReply | undefined; form: string }) {
  if (!reply || reply.form !== form) return null
  if (reply.errors) return <FormError id={`${form}-error`} errors={reply.errors} />
  return reply.saved ? (
    <p className="notice" role="status">
      {reply.saved}
    </p>
  ) : null
}

function ScopeChoices({
  view,
  idPrefix,
  checked,
  invalid,
}: {
  view: SharingView
  idPrefix: string
  checked: string[]
  invalid: boolean
}) {
  return (
    <fieldset>
      <legend>What they can see</legend>
      {view.scopes.map((scope) => (
        <Choice
          key={scope.id}
          type="checkbox"
          name="scope"
          value={scope.id}
          label={scope.label}
          defaultChecked={checked.includes(scope.id)}
          idPrefix={idPrefix}
          invalid={invalid}
        />
      ))}
    </fieldset>
  )
}

export function SharingPanel({ view, reply }: Props) {
  const live = view.links.filter((link) => !link.revoked)
  const ended = view.links.filter((link) => link.revoked)
  const label = (id: string) => view.scopes.find((s) => s.id === id)?.label ?? id
  return (
    <>
      <h2 id="share-heading">Share your progress with a key worker</h2>
      <p>
        If you see a key worker at a drug and alcohol service, you can let them see some of your progress before and
        during your sessions. You choose what they see, and you can change it or stop at any time.
      </p>
      {reply?.code ? (
        <div className="notice share-code-box" role="status">
          <p>Your share code:</p>
          <p className="share-code">{reply.code.code}</p>
          <p>
            Give this code to your key worker. It works once, until {reply.code.until}. It lets them see:{' '}
            {reply.code.scopes.join(', ')}.
          </p>
          <p>We do not keep the code itself, so write it down now: you will not see it again.</p>
        </div>
      ) : null}
      <Form method="post" aria-labelledby="share-heading" noValidate>
        <input type="hidden" name="intent" value="share" />
        <Message reply={reply} form="share" />
        <ScopeChoices
          view={view}
          idPrefix="share"
          checked={[]}
          invalid={reply?.form === 'share' && Boolean(reply.errors)}
        />
        <button type="submit" className="button">
          Make a share code
        </button>
      </Form>

      {view.codes.length > 0 ? (
        <>
          <h3>Codes not used yet</h3>
          <ul className="plain-list">
            {view.codes.map((code) => (
              <li key={code.id}>
                A code for {code.scopes.join(', ')}, working until {code.until}.
                <Message reply={reply} form={code.id} />
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="cancel-code" />
                  <input type="hidden" name="id" value={code.id} />
                  <button type="submit" className="link-button">
                    Cancel this code
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>Who can see your progress</h3>
      {live.length === 0 ? <p>Nobody. Your progress is private to you.</p> : null}
      {live.map((link) => (
        <section key={link.id} className="card" aria-labelledby={`link-${link.id}`}>
          <h4 id={`link-${link.id}`}>{link.worker}</h4>
          <p>
            Since {link.since}
            {link.changed ? ` (changed ${link.changed})` : ''}. They can see:{' '}
            {link.scopes.length ? link.scopes.map(label).join(', ') : 'nothing at the moment'}.
          </p>
          <Message reply={reply} form={link.id} />
          <Form method="post" aria-label={`What ${link.worker} can see`} noValidate>
            <input type="hidden" name="intent" value="scopes" />
            <input type="hidden" name="id" value={link.id} />
            <ScopeChoices
              view={view}
              idPrefix={link.id}
              checked={link.scopes}
              invalid={reply?.form === link.id && Boolean(reply.errors)}
            />
            <button type="submit" className="button button-secondary">
              Save what {link.worker} can see
            </button>
          </Form>
          <Form method="post" aria-label={`Stop sharing with ${link.worker}`}>
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={link.id} />
            <button type="submit" className="button button-danger">
              Stop sharing with {link.worker}
            </button>
          </Form>
        </section>
      ))}
      {ended.length > 0 ? (
        <>
          <h4>People you stopped sharing with</h4>
          <ul className="plain-list">
            {ended.map((link) => (
              <li key={link.id}>
                {link.worker}: shared from {link.since}, stopped {link.revoked}.
                <Message reply={reply} form={link.id} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>Who has looked at your information</h3>
      <p>
        Every time a key worker looks at or downloads your information, it is written here. Nobody can change this list.
      </p>
      {view.log.length === 0 ? (
        <p>Nobody has looked at your information.</p>
      ) : (
        <table>
          <caption>Looks at your information, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What they looked at</th>
              <th scope="col">Parts they could see</th>
            </tr>
          </thead>
          <tbody>
            {view.log.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only and shown in one fixed order
              <tr key={i}>
                <td data-label="When">{row.at}</td>
                <td data-label="Who">{row.worker}</td>
                <td data-label="What they looked at">{row.what}</td>
                <td data-label="Parts they could see">{row.scopes.join(', ') || 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

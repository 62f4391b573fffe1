// Group commit of the access log: views arriving together share one transaction, nobody is
// answered before it commits, and if it fails every view waiting on it fails (shows nothing).
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { logged } from './access-log.server.ts'

const insert = (clientId: string, what: string) => [
  { clientId, workerId: 'w', workerName: 'worker', what, scopes: 'goals', at: new Date(0) },
]
const rows = (clientId: string) =>
  getDb().$client.prepare('select what from access_log where client_id = ? order by id').all(clientId)

describe('logged', () => {
  it('writes the rows of views arriving together in one commit, and resolves after it', async () => {
    const client = await makeUser('client')
    const first = logged(insert(client.id, 'one'))
    const second = logged(insert(client.id, 'two'))
    // Nothing is written until the next turn of the event loop.
    expect(rows(client.id)).toEqual([])
    await Promise.all([first, second])
    expect(rows(client.id)).toEqual([{ what: 'one' }, { what: 'two' }])
  })

  it('fails every view in a batch whose commit fails, and writes none of them', async () => {
    const client = await makeUser('client')
    const good = logged(insert(client.id, 'good'))
    const bad = logged(insert('no-such-client', 'bad'))
    await expect(good).rejects.toThrow(/FOREIGN KEY/)
    await expect(bad).rejects.toThrow(/FOREIGN KEY/)
    expect(rows(client.id)).toEqual([])
    // The next batch is unaffected.
    await logged(insert(client.id, 'later'))
    expect(rows(client.id)).toEqual([{ what: 'later' }])
  })
})

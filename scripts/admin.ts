// `npm run admin -- <command>`: account tasks for whoever runs the server.
//   create-user --role admin --username alex     makes an account (asks for the passphrase)
//   set-passphrase --username alex               sets a new passphrase and signs them out everywhere
// The passphrase is read from the terminal (not echoed) or from the first line of standard input,
// never from the command line, where it would sit in shell history and the process list.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  changePassphrase,
  createUser,
  findUserByUsername,
  UsernameTakenError,
} from '#app/domain/accounts/account.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { UsernameSchema } from '#app/domain/accounts/username.ts'
import { closeDb } from '#db/client.ts'
import { ROLES } from '#db/schema/users.ts'

const USAGE = `Usage:
  npm run admin -- create-user --role <${ROLES.join('|')}> --username <name>
  npm run admin -- set-passphrase --username <name>`

function fail(message: string): never {
  console.error(message)
  closeDb()
  process.exit(2)
}

async function readPassphrase(): Promise<string> {
  const input = process.stdin
  if (!input.isTTY) {
    const rl = createInterface({ input })
    for await (const line of rl) return line
    return ''
  }
  process.stdout.write('Passphrase (not shown): ')
  const rl = createInterface({ input, output: process.stdout, terminal: true })
  // Mute the echo while typing.
  ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  const answer = await new Promise<string>((resolve) => rl.question('', resolve))
  rl.close()
  process.stdout.write('\n')
  return answer
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) fail(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`)
  return result.data
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, username: { type: 'string' } },
})

const command = positionals[0]
if (command === 'create-user') {
  const role = parsed(z.enum(ROLES), values.role, 'Role')
  const username = parsed(UsernameSchema, values.username, 'Username')
  const passphrase = parsed(PassphraseSchema, await readPassphrase(), 'Passphrase')
  try {
    await createUser({ username, passphrase, role })
  } catch (error) {
    if (error instanceof UsernameTakenError) fail(error.message)
    throw error
  }
  console.log(`Created ${role} account "${username}".`)
} else if (command === 'set-passphrase') {
  const username = parsed(UsernameSchema, values.username, 'Username')
  const user = (await findUserByUsername(username)) ?? fail(`No account called "${username}".`)
  await changePassphrase(user.id, parsed(PassphraseSchema, await readPassphrase(), 'Passphrase'))
  console.log(`Set a new passphrase for "${username}" and signed them out everywhere.`)
} else {
  fail(USAGE)
}
closeDb()

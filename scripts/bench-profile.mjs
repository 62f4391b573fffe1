// A CPU profiler for the server under `npm run bench:cost` (ADR 0018). Node refuses --cpu-prof in
// NODE_OPTIONS, so load this instead:
//   BENCH_SERVER_NODE_OPTIONS="--import ./scripts/bench-profile.mjs" npm run bench:cost
// It starts V8's sampling profiler in every process that loads it and, when the process exits,
// writes BENCH_PROFILE_DIR (default /tmp/foothold-profiles)/<pid>.cpuprofile, which Chrome's
// DevTools (Performance panel) or speedscope opens. The serving process is the largest file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'

const dir = process.env.BENCH_PROFILE_DIR || '/tmp/foothold-profiles'
const session = new Session()
session.connect()
session.post('Profiler.enable')
session.post('Profiler.setSamplingInterval', { interval: 200 })
session.post('Profiler.start')
// The in-process inspector answers synchronously, so the profile is written before the exit.
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error) return
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile))
  })
})

// `npm run content:check`: validates every programme content file and cross-reference.
// Prints warnings and errors separately; exits 1 if there is any error. CI runs it.
// Usage: tsx scripts/content-check.ts [content folder]
import { checkProgramme, findContentDir } from '#programme/engine/load.ts'

const dir = process.argv[2] ?? findContentDir()
const { programme, errors, warnings } = checkProgramme(dir)

if (warnings.length > 0) {
  console.log(`Warnings (${warnings.length}):`)
  for (const warning of warnings) console.log(`  ${warning.file}: ${warning.message}`)
}
if (errors.length > 0) {
  console.error(`Errors (${errors.length}):`)
  for (const error of errors) console.error(`  ${error.file}: ${error.message}`)
  console.error(`Content check failed: ${dir}`)
  process.exit(1)
}
const count = (record: object | undefined) => Object.keys(record ?? {}).length
console.log(
  `Content check passed: version ${programme?.version}, ${count(programme?.instruments)} instruments, ` +
    `${count(programme?.exercises)} exercises, ${count(programme?.modules)} modules, ${dir}`,
)

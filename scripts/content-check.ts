// `npm run content:check`: validates every programme content file and cross-reference.
// Prints warnings and errors separately; exits 1 if there is any error. CI runs it.
// Modules and exercises go through the shared document validator (validate-document.ts), the
// same function the clinician studio runs on a draft.
// Usage: tsx scripts/content-check.ts [content folder]
import { type ContentIssue, checkProgramme, findContentDir } from '#programme/engine/load.ts'

const dir = process.argv[2] ?? findContentDir()
const { programme, errors, warnings } = checkProgramme(dir)
/** "modules/x/module.yaml:12" where the YAML line is known. */
const where = (issue: ContentIssue) => (issue.line ? `${issue.file}:${issue.line}` : issue.file)

if (warnings.length > 0) {
  console.log(`Warnings (${warnings.length}):`)
  for (const warning of warnings) console.log(`  ${where(warning)}: ${warning.message}`)
}
if (errors.length > 0) {
  console.error(`Errors (${errors.length}):`)
  for (const error of errors) console.error(`  ${where(error)}: ${error.message}`)
  console.error(`Content check failed: ${dir}`)
  process.exit(1)
}
const count = (record: object | undefined) => Object.keys(record ?? {}).length
console.log(
  `Content check passed: version ${programme?.version}, ${count(programme?.instruments)} instruments, ` +
    `${count(programme?.exercises)} exercises, ${count(programme?.modules)} modules, ${dir}`,
)

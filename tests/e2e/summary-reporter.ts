// Prints one closing line after the list reporter's output, plus any measurements tests recorded
// (for example first-load JavaScript size), so a CI log ends with the numbers that matter.
import type { FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter'

export default class SummaryReporter implements Reporter {
  #suite: Suite | undefined
  #measurements: string[] = []

  onBegin(_config: unknown, suite: Suite): void {
    this.#suite = suite
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const annotation of result.annotations)
      if (annotation.type === 'measurement' && annotation.description) this.#measurements.push(annotation.description)
  }

  onEnd(result: FullResult): void {
    const counts = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }
    for (const test of this.#suite?.allTests() ?? []) counts[test.outcome()] += 1
    if (this.#measurements.length > 0) {
      console.log('\nMeasurements:')
      for (const line of this.#measurements) console.log(`  ${line}`)
    }
    const seconds = (result.duration / 1000).toFixed(1)
    console.log(`\nEnd-to-end: ${result.status} in ${seconds} s (${counts.flaky} flaky)`)
    // The plain closing line CI reads: 'N passed, N failed, N skipped'.
    console.log(`e2e: ${counts.expected + counts.flaky} passed, ${counts.unexpected} failed, ${counts.skipped} skipped`)
  }

  printsToStdio(): boolean {
    return false
  }
}

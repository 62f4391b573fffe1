// Times worksheet PDFs: each kind rendered RUNS times for a realistic, fully answered thought
// record, median against a 100 ms budget. Called by scripts/bench.ts; `tsx scripts/bench-worksheets.ts`
// runs it alone and prints a table (exit code 1 when a kind is over budget).
import { pathToFileURL } from 'node:url'
import { renderWorksheetPdf } from '#app/domain/modules/worksheet-pdf.server.ts'
import { type ExerciseAnswer, ExerciseSchema, WORKSHEET_KINDS, worksheetModel } from '#programme/engine/index.ts'

export const WORKSHEET_BUDGET_MS = 100
const RUNS = 50
const WARM_UP = 5

const exercise = ExerciseSchema.parse({
  id: 'thought-record',
  version: '1',
  title: 'Thought record',
  intro:
    'When a craving comes, a thought often comes just before it. Write down the situation and the thought, then look at it again as a friend would.',
  sources: ['Beck, J. S. (2011). Cognitive Behavior Therapy: Basics and Beyond (2nd ed.). Guilford Press.'],
  parts: [
    { id: 'situation', kind: 'short', label: 'Where were you, and what was happening?', hint: 'At home after work' },
    { id: 'feeling', kind: 'short', label: 'What did you feel?', hint: 'Tense, lonely, bored, fed up' },
    { id: 'thought', kind: 'long', label: 'What went through your mind?', hint: 'Write it as you thought it' },
    {
      id: 'belief',
      kind: 'rating',
      label: 'How much did you believe it?',
      minLabel: 'Not at all',
      maxLabel: 'Completely',
    },
    {
      id: 'evidence',
      kind: 'table',
      label: 'Weighing up the thought',
      hint: 'One line for each time the thought came this week',
      rows: 3,
      columns: [
        { id: 'for', kind: 'short', label: 'What supports it' },
        { id: 'against', kind: 'short', label: 'What does not fit' },
        { id: 'other', kind: 'short', label: 'Another way to see it' },
        { id: 'belief-after', kind: 'rating', label: 'Belief now' },
      ],
    },
    { id: 'balanced', kind: 'long', label: 'A more balanced thought' },
    { id: 'urge', kind: 'rating', label: 'How strong is the urge now?', minLabel: 'None', maxLabel: 'Strongest ever' },
  ],
})

const sentence = 'I told myself that one drink would take the edge off and that nobody would know or care. '
const row = (n: number) => ({
  for: `${sentence.repeat(2)}(time ${n})`,
  against: 'Last time one turned into six and I missed work the next morning.',
  other: 'I am tired and lonely, not thirsty. A walk or a call would help more.',
  'belief-after': n + 2,
})
const answer: ExerciseAnswer = {
  situation: 'On the bus home after a long shift, passing the pub where I used to go on Fridays',
  feeling: 'Worn out, a bit low, restless',
  thought: sentence.repeat(8),
  belief: 8,
  evidence: [row(1), row(2), row(3)],
  balanced: 'I want a break, and I can give myself one without a drink. '.repeat(6),
  urge: 4,
}

export type WorksheetBenchResult = { kind: string; medianMs: number; ok: boolean }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export async function benchWorksheets(): Promise<WorksheetBenchResult[]> {
  const model = worksheetModel(exercise, 'Catching unhelpful thoughts', answer)
  const results: WorksheetBenchResult[] = []
  for (const kind of WORKSHEET_KINDS) {
    // Warm up first, so the JIT and pdfkit's font metrics are loaded before timing starts.
    for (let i = 0; i < WARM_UP; i++) await renderWorksheetPdf(model, kind)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      await renderWorksheetPdf(model, kind)
      times.push(performance.now() - start)
    }
    const medianMs = median(times)
    results.push({ kind, medianMs, ok: medianMs < WORKSHEET_BUDGET_MS })
  }
  return results
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchWorksheets()
  console.log(`\nWorksheet PDFs, ${RUNS} runs each; budget: median < ${WORKSHEET_BUDGET_MS} ms\n`)
  console.log(`${'kind'.padEnd(12)}${'median ms'.padStart(10)}`)
  for (const r of results)
    console.log(`${r.kind.padEnd(12)}${r.medianMs.toFixed(1).padStart(10)}  ${r.ok ? 'ok' : 'FAIL'}`)
  process.exitCode = results.every((r) => r.ok) ? 0 : 1
}

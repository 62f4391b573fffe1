// A small module used by the engine's tests: every step type, an option goto that rejoins with
// `next`, a rating-based goto, a `when` on the assessment and an optional step.
import { type Module, ModuleSchema } from '../../schema/module.schema.ts'
import type { ModuleDefinition } from './definition.ts'

const raw: unknown = {
  id: 'fixture',
  version: '1',
  title: 'Fixture',
  summary: 'A module for tests.',
  areas: ['physical'],
  minutes: 10,
  sources: ['Test source'],
  steps: [
    { id: 'intro', type: 'read', title: 'Intro', file: 'intro.md' },
    {
      id: 'feel',
      type: 'choice',
      title: 'Feel',
      prompt: 'How do you feel?',
      options: [
        { id: 'ok', label: 'OK' },
        { id: 'low', label: 'Low', goto: 'low-read' },
        { id: 'unsafe', label: 'Unsafe', safety: 'self-harm' },
      ],
    },
    {
      id: 'strength',
      type: 'rating',
      title: 'Strength',
      prompt: 'How strong?',
      minLabel: 'none',
      maxLabel: 'very',
      goto: [{ if: { answer: 'strength', atLeast: 8 }, step: 'strong' }],
    },
    { id: 'practice', type: 'exercise', title: 'Practice', exercise: 'mini' },
    { id: 'sheet', type: 'worksheet', title: 'Sheet', for: 'practice', next: 'opioids' },
    { id: 'low-read', type: 'read', title: 'Low', file: 'low.md', next: 'strength' },
    { id: 'strong', type: 'read', title: 'Strong', file: 'strong.md', next: 'practice' },
    { id: 'opioids', type: 'read', title: 'Opioids', file: 'opioids.md', when: { substance: 'opioids' } },
    { id: 'think', type: 'reflect', title: 'Think', prompt: 'What helped?', optional: true },
    { id: 'aim', type: 'goal', title: 'Aim', prompt: 'Set a goal', suggest: 'cut-down' },
    { id: 'end', type: 'summary', title: 'End', file: 'end.md' },
  ],
}

export function fixtureModule(): ModuleDefinition {
  const mod: Module = ModuleSchema.parse(raw)
  return {
    ...mod,
    texts: {
      'intro.md': 'Hello.',
      'low.md': 'Low.',
      'strong.md': 'Strong.',
      'opioids.md': 'Careful.',
      'end.md': 'Done.',
    },
    exercises: {
      mini: {
        id: 'mini',
        version: '1',
        title: 'Mini',
        intro: 'A small exercise.',
        sources: ['Test source'],
        parts: [
          { id: 'what', kind: 'short', label: 'What', required: true },
          { id: 'how-strong', kind: 'rating', label: 'How strong', required: false },
          {
            id: 'plan',
            kind: 'table',
            label: 'Plan',
            rows: 3,
            columns: [
              { id: 'when', kind: 'short', label: 'When' },
              { id: 'score', kind: 'rating', label: 'Score' },
            ],
          },
        ],
      },
    },
  }
}

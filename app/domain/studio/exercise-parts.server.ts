// Every part id an exercise has had: in the base edition and in each of its versions (published,
// retired, in review or the draft itself). Clients' saved answers and worksheets are keyed by part
// id, so the exercise editor never gives a new part one of these (programme/studio/exercise-form.ts).
import { baseDocument } from './content.server.ts'
import { versionsOf } from './workflow.server.ts'

const partIds = (doc: unknown): string[] => {
  const parts = (doc as { parts?: unknown } | null)?.parts
  return Array.isArray(parts) ? parts.flatMap((p) => (typeof p?.id === 'string' ? [p.id as string] : [])) : []
}

export async function usedPartIds(exerciseId: string): Promise<string[]> {
  const versions = await versionsOf('exercise', exerciseId)
  const ids = [baseDocument('exercise', exerciseId), ...versions.map((v) => v.document)].flatMap(partIds)
  return [...new Set(ids)]
}

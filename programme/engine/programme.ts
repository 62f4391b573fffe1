// The loaded programme: every content file, parsed, validated and cross-checked.
import type { Battery } from '../schema/battery.schema.ts'
import type { Exercise } from '../schema/exercise.schema.ts'
import type { Help } from '../schema/help.schema.ts'
import type { Instrument } from '../schema/instrument.schema.ts'
import type { LifeAreas } from '../schema/life-areas.schema.ts'
import type { Mixing } from '../schema/mixing.schema.ts'
import type { Norm } from '../schema/norms.schema.ts'
import type { SelfHarmPhrases } from '../schema/self-harm-phrases.schema.ts'
import type { Tracking } from '../schema/tracking.schema.ts'
import type { ModuleDefinition } from './modules/definition.ts'

export type Programme = {
  /** The content version, stamped into every response and snapshot. */
  version: string
  /**
   * By instrument id, in the order the battery asks them (AUDIT-C right after AUDIT). A derived
   * instrument carries copies of its source items.
   */
  instruments: Record<string, Instrument>
  lifeAreas: LifeAreas
  battery: Battery
  /** Reference figures for normative feedback, by id. */
  norms: Record<string, Norm>
  /** Exercises by id. */
  exercises: Record<string, Exercise>
  /** Modules by id, in folder order; each carries its Markdown and the exercises it uses. */
  modules: Record<string, ModuleDefinition>
  /** Pick lists, substance units and drink presets for logging urges and use. */
  tracking: Tracking
  /** Phrases that, in any free text a client saves, show the support panel (hazard H-027). */
  selfHarmPhrases: SelfHarmPhrases
  /** Dangerous combinations with their sources, and the prescribed medicines a client can list (H-039). */
  mixing: Mixing
  /** The help page's tips on using Foothold safely, and the service's note about itself. */
  help: Help
}

/** Answers by item id; each value is the chosen option's `value` as published (before reversing). */
export type Answers = Readonly<Record<string, number>>

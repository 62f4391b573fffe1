// The programme engine's public API: what the app imports. Pure functions over loaded content.
export * from '../schema/index.ts'
export * from './battery.ts'
export * from './life-areas.ts'
export * from './load.ts'
export * from './norms.ts'
export type * from './programme.ts'
export * from './scoring.ts'

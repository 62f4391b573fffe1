// Every table, one file per domain. Later domains add their file here.

export * from './assessments.ts'
export * from './directory.ts'
export * from './invites.ts'
export * from './medicines.ts'
export * from './modules.ts'
export * from './rate-limits.ts'
export * from './sessions.ts'
export * from './settings.ts'
export * from './sharing.ts'
export * from './studio.ts'
export * from './tracking.ts'
export * from './users.ts'

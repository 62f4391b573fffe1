// Every test file gets its own in-memory database, migrated with the real migrations
// (vitest isolates modules per file, so db/client's singleton is per file too).
process.env.DATABASE_PATH = ':memory:'
process.env.NODE_ENV = 'test'

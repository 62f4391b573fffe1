// Compiles server.ts (and what it imports from app/ and db/) to build/main/server.js for
// production, so `npm start` runs JavaScript and never compiles TypeScript at start (ADR 0017).
// Packages stay external: node loads them from node_modules as usual.
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: 'server.ts',
    outDir: 'build/main',
    emptyOutDir: true,
    // public/ is the client build's; the server needs none of it.
    copyPublicDir: false,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'server.js' } },
  },
})

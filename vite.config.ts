/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// base: './' so the built app works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  // monaco-yaml's worker is found late on the dev server's first load, which re-optimises and
  // reloads the page; listing it up front avoids that (toolchain.md G4).
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // Module workers: the yaml and editor workers are ES modules (code-split builds need it).
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Scenario and fuzz tests run whole clusters; a busy 2-core CI machine needs the headroom.
    testTimeout: 30_000,
  },
})

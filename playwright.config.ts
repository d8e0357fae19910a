import { defineConfig } from '@playwright/test'

// Debian's Chromium (apt-get install chromium) is used instead of Playwright's own
// browser download, which is not available on these machines.
// E2E_PORT overrides the preview port; the default avoids vite preview's 4173,
// which other sessions on a shared machine may already hold.
const PORT = Number(process.env.E2E_PORT ?? 4180)
// E2E_DIST serves another build folder (several people testing at once build into their own).
const DIST = process.env.E2E_DIST ?? 'dist'
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Serves the production build: run `vite build` first (npm test does).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})

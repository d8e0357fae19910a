import { test as base, expect } from '@playwright/test'

/**
 * Playwright's `test`, plus an automatic fixture that fails the test if the page
 * throws an uncaught error or logs a console error at any point during the test.
 * Every spec should import `test` and `expect` from here rather than from
 * '@playwright/test'.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, run) => {
      const problems: string[] = []
      page.on('pageerror', (error) => {
        problems.push(`uncaught page error: ${error.stack ?? error.message}`)
      })
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const { url, lineNumber } = message.location()
        const where = url ? ` (${url}:${lineNumber})` : ''
        problems.push(`console.error: ${message.text()}${where}`)
      })
      await run()
      expect(problems, 'the page reported errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

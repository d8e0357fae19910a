import { test as base, expect } from '@playwright/test'

/**
 * Playwright's `test`, plus an automatic fixture that fails the test if the page
 * throws an uncaught error or logs a console error at any point during the test.
 * Every spec should import `test` and `expect` from here rather than from
 * '@playwright/test'.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, run, testInfo) => {
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
      // Errors a test provokes on purpose are declared with expectErrors(/…/); all others fail it.
      const expected = testInfo.annotations
        .filter((a) => a.type === EXPECTED_ERROR)
        .map((a) => new RegExp(a.description ?? '(?!)'))
      const unexpected = problems.filter((p) => !expected.some((re) => re.test(p)))
      expect(unexpected, 'the page reported errors').toEqual([])
    },
    { auto: true },
  ],
})

const EXPECTED_ERROR = 'expected-error'

/** Declares page errors the running test provokes on purpose (a crash it checks is contained). */
export function expectErrors(pattern: RegExp): void {
  test.info().annotations.push({ type: EXPECTED_ERROR, description: pattern.source })
}

export { expect }

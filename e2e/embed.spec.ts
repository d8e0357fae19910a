// Embed mode as a blog post uses it: the README's <iframe> snippet on another page, starting at a
// lesson, chrome-less, and without touching the app's own saved work on the same origin.
import { test, expect } from './fixtures'

// The offline spec covers the service worker; here it would answer the made-up blog page's
// navigation with the app itself.
test.use({ serviceWorkers: 'block' })

test('the embed snippet shows a lesson in an iframe, without the header, and keeps the app’s own work apart', async ({
  page,
  baseURL,
}) => {
  // The visitor's own work in the full app, on the same origin.
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect
    .poll(() => page.evaluate(() => (globalThis as any).localStorage.getItem('ordinal.session')))
    .not.toBeNull()
  // What the app saved as its own work (the clock it saves on leaving may move; the work may not).
  const ownWork = () =>
    page.evaluate(() => {
      const saved = JSON.parse((globalThis as any).localStorage.getItem('ordinal.session'))
      return { actions: saved.actions, editorText: saved.editorText }
    })
  await page.goto('about:blank')
  await page.goto('/')
  const before = await ownWork()

  // A blog post with the README's snippet. (Served on the app's host: Chromium's local-network
  // rules block a page on another origin from framing 127.0.0.1, which a real host is not.)
  await page.route('**/my-blog-post.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<h1>My post</h1><iframe src="${baseURL}/?embed=1&lesson=topology" width="960" height="600" style="border:1px solid #ccc" title="Ordinal: StatefulSet lesson" loading="lazy"></iframe>`,
    }),
  )
  await page.goto('/my-blog-post.html')
  const frame = page.frameLocator('iframe')
  await expect(frame.getByTestId('embed-bar')).toBeVisible()
  await expect(frame.locator('.app-header')).toBeHidden()
  await expect(frame.locator('#lesson-title')).toHaveText('Topology state: order and identity')
  await frame.locator('.lesson-step .lesson-action button').click()
  await expect(frame.locator('[data-kind="Pod"][data-name="web-0"]').first()).toBeVisible({ timeout: 30_000 })
  // The bar's link opens the full app on the same lesson, in a new tab.
  await expect(frame.getByRole('link', { name: /Ordinal/ })).toHaveAttribute(
    'href',
    `${baseURL}/?lesson=topology`,
  )
  await expect(frame.getByRole('link', { name: /Ordinal/ })).toHaveAttribute('target', '_blank')

  // Back in the app: the visitor's own work and lesson progress are untouched.
  await page.goto('/')
  expect(await ownWork()).toEqual(before)
  expect(before.actions).toHaveLength(1)
  expect(await page.evaluate(() => (globalThis as any).localStorage.getItem('ordinal.lesson'))).toBeNull()
})

import { test, expect } from './fixtures'

test('the app loads, shows its name and talks only to the local server', async ({ page }) => {
  const foreign: string[] = []
  page.context().on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.hostname !== '127.0.0.1') foreign.push(request.url())
  })

  await page.goto('/', { waitUntil: 'networkidle' })

  await expect(page).toHaveTitle('Ordinal')
  const app = page.getByTestId('app')
  await expect(app).toBeVisible()
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Ordinal')
  await expect(app).toContainText('Learn Kubernetes StatefulSets by simulation')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  expect(foreign, 'requests to origins other than 127.0.0.1').toEqual([])
})

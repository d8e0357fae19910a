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

test('the engine runs in the browser: web.yaml brings up web-0 before web-1, with claims bound', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('applied')).toContainText('statefulset.apps/web created')
  const pods = page.getByTestId('pods')
  await expect(pods).toContainText(/web-0\s+1\/1\s+Running/, { timeout: 20_000 })
  await expect(pods).toContainText(/web-1\s+1\/1\s+Running/, { timeout: 20_000 })
  await expect(page.getByTestId('claims')).toContainText(/www-web-1\s+Bound/)
})

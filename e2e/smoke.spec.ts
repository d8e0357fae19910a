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
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const app = page.getByTestId('app')
  await expect(app).toBeVisible()
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Ordinal')
  await expect(app).toContainText('Learn Kubernetes StatefulSets by simulation')
  await expect(app).toContainText('timings are simplified')

  // The application itself, not a placeholder: cluster, editor, time bar, console.
  await expect(page.getByRole('main', { name: 'Cluster' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Manifest editor' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'kubectl' })).toBeVisible()

  expect(foreign, 'requests to origins other than 127.0.0.1').toEqual([])
})

test('the engine runs in the browser: Apply brings up web-0 before web-1, with claims bound', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.getByLabel('Speed').selectOption('100')
  const kubectl = page.getByRole('textbox', { name: 'kubectl' })
  await kubectl.fill('rollout status statefulset/web')
  await kubectl.press('Enter')
  const output = page.getByRole('log', { name: 'kubectl output' })
  await expect(output).toContainText('roll out complete', { timeout: 20_000 })
  await kubectl.fill('get pods,pvc')
  await kubectl.press('Enter')
  await expect(output).toContainText(/pod\/web-0\s+1\/1\s+Running[\s\S]*pod\/web-1\s+1\/1\s+Running/)
  await expect(output).toContainText(/persistentvolumeclaim\/www-web-1\s+Bound/)
})

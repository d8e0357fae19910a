import { test, expect } from './fixtures'

test('the cluster is also a table: slots, pods, DNS records and claims as rows', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.getByLabel('Speed').selectOption('100')
  const table = page.getByRole('table', { name: /StatefulSet web/ })
  await expect(table).toBeAttached()
  await expect(table.getByRole('row', { name: /web-1/ })).toContainText('Running 1/1', { timeout: 30_000 })
  await expect(table.getByRole('row', { name: /web-0/ })).toContainText(
    'web-0.nginx.default.svc.cluster.local → 10.244.',
  )
  await page.getByRole('button', { name: 'Table view' }).click()
  await expect(table).toBeVisible()
  await expect(table.getByRole('row', { name: /web-0/ })).toContainText('www-web-0 Bound')
})

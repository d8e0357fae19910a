import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'

/** Applies the lesson's example and plays fast until both pods are Running 1/1. */
async function bringUpWeb(page: Page) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.getByLabel('Speed').selectOption('100')
  for (const name of ['web-0', 'web-1']) {
    await expect(page.locator(`[data-kind="Pod"][data-name="${name}"]`).first()).toHaveAttribute(
      'data-status',
      'Running 1/1',
      { timeout: 30_000 },
    )
  }
  await page.getByLabel('Speed').selectOption('1')
}

test('selecting a pod opens the inspector with kubectl describe, relations and its DNS name', async ({
  page,
}) => {
  await bringUpWeb(page)
  await page.locator('[data-kind="Pod"][data-name="web-0"]').first().click()
  const inspector = page.getByRole('region', { name: 'Inspector: Pod web-0' })
  await expect(inspector).toContainText('Controlled By:  StatefulSet/web')
  await inspector.getByRole('tab', { name: 'Relations' }).click()
  await expect(inspector).toContainText('web-0.nginx.default.svc.cluster.local')
  await inspector.getByRole('button', { name: 'PersistentVolumeClaim www-web-0' }).click()
  await expect(page.getByRole('region', { name: 'Inspector: PersistentVolumeClaim www-web-0' })).toBeVisible()
})

test('a direct action runs the kubectl command and echoes it in the console', async ({ page }) => {
  await bringUpWeb(page)
  await page.locator('[data-kind="Pod"][data-name="web-1"]').first().click()
  await page.getByRole('button', { name: 'Delete pod', exact: true }).click()
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('kubectl delete pod web-1')
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'pod "web-1" deleted from default namespace',
  )
})

test('a reload keeps the editor text, the cluster and the clock', async ({ page }) => {
  await bringUpWeb(page)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const before = await page.getByRole('slider', { name: 'Time' }).inputValue()
  const ipBefore = await page
    .locator('[data-kind="DNSRecord"][data-name="web-0.nginx.default.svc.cluster.local"]')
    .first()
    .textContent()
  await page.waitForTimeout(1500) // the store saves at most once a second
  await page.reload()
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveValue(before)
  await expect(page.locator('[data-kind="Pod"][data-name="web-0"]').first()).toHaveAttribute(
    'data-status',
    'Running 1/1',
  )
  await expect(
    page.locator('[data-kind="DNSRecord"][data-name="web-0.nginx.default.svc.cluster.local"]').first(),
  ).toHaveText(ipBefore ?? '')
})

// What the engine-depth work shows in the page: a rolling update driven from the inspector (the
// image field and the partition field), revisions on every pod and the partition line, and the
// Deployment comparison example.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** Applies the editor's text (web.yaml on a first visit) and plays fast until `pods` are Running. */
async function bringUp(page: Page, pods: string[]) {
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.getByLabel('Speed').selectOption('100')
  for (const name of pods) {
    await expect(page.locator(`[data-kind="Pod"][data-name="${name}"]`).first()).toHaveAttribute(
      'data-status',
      'Running 1/1',
      { timeout: 30_000 },
    )
  }
}

test('a staged rolling update: set the partition and the image from the inspector, see revisions per pod', async ({
  page,
}) => {
  await page.goto('/')
  await bringUp(page, ['web-0', 'web-1'])
  await page.locator('[data-kind="StatefulSet"][data-name="web"]').first().click()
  const inspector = page.getByRole('region', { name: 'Inspector: StatefulSet web' })
  await inspector.getByRole('button', { name: 'Scale +1' }).click()
  await expect(page.locator('[data-kind="Pod"][data-name="web-2"]').first()).toHaveAttribute(
    'data-status',
    'Running 1/1',
    { timeout: 30_000 },
  )
  await inspector.getByLabel('Partition').fill('2')
  await inspector.getByRole('button', { name: 'Set partition' }).click()
  await inspector.getByLabel('Image').fill('registry.k8s.io/nginx-slim:0.8')
  await inspector.getByRole('button', { name: 'Set image' }).click()
  const log = page.getByRole('log', { name: 'kubectl output' })
  await expect(log).toContainText('statefulset.apps/web image updated')
  // Only the ordinal at or above the partition moves to revision 2; the line sits before web-2.
  await expect(page.locator('[data-kind="Pod"][data-name="web-2"]').first()).toHaveAttribute(
    'data-revision',
    '2',
    {
      timeout: 30_000,
    },
  )
  await expect(page.locator('[data-partition="2"]')).toBeVisible()
  for (const name of ['web-0', 'web-1']) {
    const pod = page.locator(`[data-kind="Pod"][data-name="${name}"]`).first()
    await expect(pod).toHaveAttribute('data-revision', '1')
    await expect(pod).toHaveAttribute('data-revision-state', 'old')
    await expect(page.locator(`[data-slot="${name}"]`)).toHaveAttribute('data-held', 'true')
  }
  // Lowering the partition to 0 rolls the rest, highest ordinal first.
  await inspector.getByLabel('Partition').fill('0')
  await inspector.getByRole('button', { name: 'Set partition' }).click()
  for (const name of ['web-1', 'web-0'])
    await expect(page.locator(`[data-kind="Pod"][data-name="${name}"]`).first()).toHaveAttribute(
      'data-revision-state',
      'update',
      { timeout: 30_000 },
    )
  await expect(page.locator('[data-partition]')).toHaveCount(0)
})

test('the comparison example draws a Deployment with random pod names and one shared claim', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByLabel('Example').selectOption({ label: 'StatefulSet vs Deployment' })
  await bringUp(page, ['web-0', 'web-1', 'web-2'])
  const deployment = page.locator('[data-kind="Deployment"][data-name="web-deploy"]')
  await expect(deployment).toHaveAttribute('data-status', '3/3', { timeout: 30_000 })
  const pods = page.locator('[data-kind="Pod"][data-name^="web-deploy-"]')
  await expect(pods).toHaveCount(3)
  for (const name of await pods.evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? '')))
    expect(name).toMatch(/^web-deploy-[a-z0-9]+-[a-z0-9]{5}$/)
  await expect(page.locator('[data-kind="PersistentVolumeClaim"][data-name="www-shared"]')).toHaveCount(1)
  await expect(page.locator('[data-kind="ReplicaSet"]')).toHaveCount(1)
})

test('what leaves the canvas is gone once its fade ends, even while the clock runs', async ({ page }) => {
  await page.goto('/')
  await bringUp(page, ['web-0', 'web-1'])
  await page.getByLabel('Speed').selectOption('1')
  await page.locator('[data-kind="Pod"][data-name="web-1"]').first().click()
  await page.getByRole('button', { name: 'Delete pod', exact: true }).click()
  await expect(page.locator('[data-kind="Pod"][data-name="web-1"]').first()).toHaveAttribute(
    'data-status',
    'Running 1/1',
    { timeout: 40_000 },
  )
  // Redraws every frame used to restart the fade-out of leaving elements, so they piled up.
  await expect(page.locator('.oc-leaving')).toHaveCount(0, { timeout: 5_000 })
  await expect(page.locator('g.oc-pod')).toHaveCount(2)
})

test('a node failure from the inspector: the pod is stuck until force-deleted, and comes back with its node', async ({
  page,
}) => {
  await page.goto('/')
  await bringUp(page, ['web-0', 'web-1'])
  await page.getByLabel('Speed').selectOption('1')
  const node = await page.evaluate(
    () =>
      (
        globalThis as unknown as {
          __ordinal: {
            store: {
              getState(): {
                snapshot: { pods: { metadata: { name: string }; spec: { nodeName?: string } }[] }
              }
            }
          }
        }
      ).__ordinal.store
        .getState()
        .snapshot.pods.find((p) => p.metadata.name === 'web-1')!.spec.nodeName!,
  )
  // The nodes sit below the fold of the canvas: select by keyboard (focus pans it into view).
  const selectNode = async () => {
    await page.locator(`[data-kind="Node"][data-name="${node}"]`).first().focus()
    await page.keyboard.press('Enter')
  }
  await selectNode()
  await page.getByRole('button', { name: 'Stop node', exact: true }).click()
  const log = page.getByRole('log', { name: 'kubectl output' })
  await expect(log).toContainText(`docker pause ${node}`)
  await expect(page.locator(`[data-kind="Node"][data-name="${node}"]`)).toHaveAttribute(
    'data-stopped',
    'true',
  )
  await page.getByLabel('Speed').selectOption('100')
  const web1 = page.locator('[data-kind="Pod"][data-name="web-1"]').first()
  await expect(page.locator(`[data-kind="Node"][data-name="${node}"]`)).toHaveAttribute(
    'data-status',
    'NotReady',
    {
      timeout: 30_000,
    },
  )
  await expect(web1).toHaveAttribute('data-status', 'Terminating 1/1', { timeout: 30_000 })
  const uid = await web1.getAttribute('data-uid')
  await page.getByLabel('Speed').selectOption('1')
  await web1.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Force delete', exact: true }).click()
  await expect(log).toContainText('pod "web-1" force deleted from default namespace')
  // Same name, new uid; its local volume lives on the lost node, so it waits there.
  await expect(web1).toHaveAttribute('data-status', 'Pending 0/1', { timeout: 30_000 })
  expect(await web1.getAttribute('data-uid')).not.toBe(uid)
  await selectNode()
  await page.getByRole('button', { name: 'Start node', exact: true }).click()
  await page.getByLabel('Speed').selectOption('100')
  await expect(web1).toHaveAttribute('data-status', 'Running 1/1', { timeout: 30_000 })
})

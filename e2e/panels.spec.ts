// A crash in one panel stays in that panel: the others keep working and the panel resets alone.
import { test, expect, expectErrors } from './fixtures'

test('a panel that fails shows what happened and a reset; the other panels keep working', async ({
  page,
}) => {
  // The broken snapshot below makes the panels that draw pods throw, on purpose.
  expectErrors(/Ordinal: the .* panel failed|Cannot read properties of null/)
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(page.locator('[data-kind="Pod"][data-name="web-0"]').first()).toBeVisible({ timeout: 30_000 })
  // Pause, then publish a snapshot that cannot be drawn (as a bug in a panel would meet).
  await page.evaluate(() => {
    const store = (
      globalThis as unknown as { __ordinal: { store: { getState(): any; setState(s: object): void } } }
    ).__ordinal.store
    store.getState().actions.pause()
    const s = store.getState()
    ;(globalThis as unknown as { __good: unknown }).__good = s.snapshot
    store.setState({ snapshot: { ...s.snapshot, pods: null } })
  })
  const failed = page.getByRole('alert', { name: 'Cluster panel failed' })
  await expect(failed).toBeVisible()
  await expect(failed).toContainText('The Cluster panel stopped working.')
  // The panels that do not draw pods keep working: the console runs a command.
  const input = page.getByLabel('kubectl', { exact: true })
  await input.fill('kubectl get sts')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(/web\s+\d\/2/)
  // Once the data is sound again, resetting the panel brings it back.
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      __ordinal: { store: { setState(s: object): void } }
      __good: unknown
    }
    g.__ordinal.store.setState({ snapshot: g.__good })
  })
  await failed.getByRole('button', { name: 'Reset this panel' }).click()
  await expect(page.locator('[data-kind="Pod"][data-name="web-0"]').first()).toBeVisible()
  await expect(page.getByRole('alert', { name: 'Cluster panel failed' })).toHaveCount(0)
  // The side panel failed too (its preview lists pods); its reset brings the editor back with the text.
  await page
    .getByRole('alert', { name: 'Manifest and Inspector panel failed' })
    .getByRole('button', { name: 'Reset this panel' })
    .click()
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeEnabled()
})

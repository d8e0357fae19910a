import { test, expect } from './fixtures'

test('Split opens a second terminal: a watch streams there while the first deletes a pod', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.getByLabel('Speed').selectOption('10')
  await page.getByRole('button', { name: 'Split', exact: true }).click()
  const second = page.getByRole('textbox', { name: 'kubectl (second pane)' })
  await second.fill('get pods -w')
  await second.press('Enter')
  const first = page.getByRole('textbox', { name: 'kubectl', exact: true })
  const watch = page.getByRole('log', { name: 'second kubectl output' })
  await expect(watch).toContainText(/web-1\s+1\/1\s+Running/, { timeout: 30_000 })
  await first.fill('delete pod web-0')
  await first.press('Enter')
  await expect(page.getByRole('log', { name: 'kubectl output', exact: true })).toContainText(
    'pod "web-0" deleted from default namespace',
  )
  await expect(watch).toContainText(/web-0\s+1\/1\s+Terminating/, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Unsplit', exact: true }).click()
  await expect(second).toHaveCount(0)
})

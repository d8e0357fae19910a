// The manifest editor in a real browser: Monaco bundled from this origin, kubectl's diagnostics
// as markers at the right lines, the schema's checks, Apply (button and Ctrl+Enter) and the
// examples menu.
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** The editor panel, as a user meets it. */
class EditorPage {
  readonly panel: Locator
  readonly monaco: Locator
  readonly problems: Locator
  readonly output: Locator
  readonly preview: Locator
  readonly example: Locator
  readonly apply: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByRole('complementary', { name: 'Manifest editor' })
    this.monaco = this.panel.locator('.monaco-editor')
    this.problems = this.panel.getByRole('region', { name: 'Problems' })
    this.output = this.panel.getByRole('region', { name: 'Apply output' })
    this.preview = this.panel.getByRole('region', { name: 'Preview' })
    this.example = this.panel.getByLabel('Example')
    this.apply = this.panel.getByRole('button', { name: 'Apply', exact: true })
  }

  async open() {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await this.page.goto('/')
    await this.ready()
  }

  /** Monaco is showing the text (not the plain fallback) and the schema worker has answered. */
  async ready() {
    await expect(this.monaco.locator('.view-lines')).toContainText('apiVersion')
  }

  /** The whole text, as the editor holds it: read from the clipboard after Select All + Copy. */
  async text(): Promise<string> {
    await this.focus()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('ControlOrMeta+C')
    return this.page.evaluate<string>('navigator.clipboard.readText()')
  }

  async focus() {
    await this.monaco.locator('.view-lines').click()
  }

  /** Replaces the text by pasting (typing would be re-indented by Monaco). */
  async replaceText(text: string) {
    // A string expression: the e2e project has no DOM types.
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`)
    await this.focus()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('ControlOrMeta+V')
  }

  /** Edits the text in place: `from` → `to` (first occurrence). */
  async edit(from: string, to: string) {
    const text = await this.text()
    expect(text).toContain(from)
    await this.replaceText(text.replace(from, to))
  }

  problem(text: string | RegExp): Locator {
    return this.problems.getByRole('listitem').filter({ hasText: text })
  }
}

test('the editor loads from this origin only and opens with web.yaml', async ({ page }) => {
  const foreign: string[] = []
  page.context().on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.hostname !== '127.0.0.1') foreign.push(request.url())
  })
  const editor = new EditorPage(page)
  const started = Date.now()
  await page.goto('/')
  // The plain textarea or Monaco: either way the text is there and editable at once.
  await expect(editor.panel.getByRole('textbox', { name: 'Manifest YAML' })).toBeVisible()
  const usable = Date.now() - started
  await editor.ready()
  const monacoReady = Date.now() - started
  test
    .info()
    .annotations.push({ type: 'timing', description: `textbox ${usable} ms, Monaco ${monacoReady} ms` })

  await expect(editor.example).toHaveValue('web')
  await expect(editor.monaco.locator('.view-lines')).toContainText('kind: Service')
  await expect(editor.monaco.locator('.view-lines')).toContainText('kind: StatefulSet')
  await expect(editor.problems).toContainText('No problems')
  await expect(editor.preview).toContainText('statefulset.apps/web will be created')
  await expect(editor.preview.getByRole('row', { name: /web-1/ })).toContainText(
    'www-web-1web-1.nginx.default.svc.cluster.local',
  )
  await page.waitForLoadState('networkidle')
  expect(foreign, 'requests to origins other than 127.0.0.1').toEqual([])
})

test('replicas: "two" gets the schema\'s type error marker', async ({ page }) => {
  const editor = new EditorPage(page)
  await editor.open()
  await editor.edit('replicas: 2', 'replicas: "two"')
  const marker = editor.problem('Incorrect type')
  await expect(marker).toContainText('Expected "number"')
  await expect(marker).toContainText('Ln 21')
  // Choosing the problem shows its line, squiggled.
  await marker.getByRole('button').click()
  await expect(editor.monaco.locator('.view-line').filter({ hasText: 'replicas: "two"' })).toBeVisible()
  await expect(editor.monaco.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible()
})

test('an unknown kind gets kubectl\'s "resource mapping not found" marker on the kind line', async ({
  page,
}) => {
  const editor = new EditorPage(page)
  await editor.open()
  await editor.edit('kind: StatefulSet', 'kind: StatefulSets')
  const marker = editor.problem('resource mapping not found')
  await expect(marker).toContainText(
    'error: resource mapping not found for name: "web" namespace: "" from "editor.yaml": no matches for kind "StatefulSets" in version "apps/v1"',
  )
  await expect(marker).toContainText('ensure CRDs are installed first')
  await expect(marker).toContainText('Ln 16, Col 1')
})

test("a selector that does not match the labels is marked at the labels line, with kubectl's words", async ({
  page,
}) => {
  const editor = new EditorPage(page)
  await editor.open()
  await editor.edit('      app: nginx\n  template:', '      app: web\n  template:')
  const message =
    'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`'
  const marker = editor.problem('does not match template')
  await expect(marker).toContainText(message)
  await expect(marker).toContainText('Ln 27, Col 7')
  await expect(editor.preview).toContainText('statefulset.apps/web ✖ will be refused')

  // Choosing the problem moves the caret there; hovering the squiggle shows the same message.
  await marker.getByRole('button').click()
  const squiggle = editor.monaco.locator('.squiggly-error')
  await expect(squiggle).toHaveCount(1)
  await squiggle.hover({ force: true })
  await expect(
    page.locator('.monaco-hover-content').filter({ hasText: 'does not match template' }),
  ).toContainText(message)
})

test('Apply prints what kubectl apply prints; Ctrl+Enter applies too', async ({ page }) => {
  const editor = new EditorPage(page)
  await editor.open()
  await editor.apply.click()
  await expect(editor.output).toContainText('$ kubectl apply -f editor.yaml')
  await expect(editor.output).toContainText('service/nginx created')
  await expect(editor.output).toContainText('statefulset.apps/web created')
  await expect(editor.preview).toContainText('statefulset.apps/web will be configured')

  await editor.edit('replicas: 2', 'replicas: 3')
  await editor.focus()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(editor.output).toContainText('service/nginx unchanged')
  await expect(editor.output).toContainText('statefulset.apps/web configured')
})

test("Apply shows kubectl's errors", async ({ page }) => {
  const editor = new EditorPage(page)
  await editor.open()
  await editor.edit('storage: 1Gi', 'storage: 1Gb')
  await expect(editor.problem('cannot be handled as a StatefulSet')).toContainText('Ln 46')
  await editor.apply.click()
  await expect(editor.output).toContainText('service/nginx created')
  await expect(editor.output).toContainText(
    'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: quantities must match the regular expression',
  )
  await expect(editor.output).toContainText('exit code 1')
})

test('the examples menu loads each example', async ({ page }) => {
  const editor = new EditorPage(page)
  await editor.open()
  const expectations: [string, string | RegExp][] = [
    ['topology', 'web-2—web-2.nginx.default.svc.cluster.local'],
    ['pv-claim', 'persistentvolumeclaim/pv-claim will be created'],
    ['parallel', '3 replicas, Parallel'],
    ['no-storage-class', 'storageclass.storage.k8s.io "fast" not found'],
    ['wrong-service-name', 'serviceName "nginx-typo" names no Service'],
    ['never-ready', 'statefulset.apps/web will be created'],
    ['web', '2 replicas, OrderedReady'],
  ]
  for (const [id, shows] of expectations) {
    await editor.example.selectOption(id)
    await expect(editor.example).toHaveValue(id)
    await expect(editor.panel.locator('.ed-details')).toContainText(shows)
  }
  expect(await editor.text()).toContain('name: web')
  await editor.example.selectOption('never-ready')
  expect(await editor.text()).toContain('port: 8080')
  // Editing the text leaves the menu on "Edited text".
  await editor.edit('port: 8080', 'port: 80')
  await expect(editor.example).toHaveValue('')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the editor panel passes axe with problems, output and preview showing (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const editor = new EditorPage(page)
    await editor.open()
    await editor.apply.click()
    await expect(editor.output).toContainText('statefulset.apps/web created')
    await editor.edit('      app: nginx\n  template:', '      app: web\n  template:')
    await expect(editor.problem('does not match template')).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).include('.ed-panel').analyze()
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

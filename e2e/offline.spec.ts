// The built app as a static host serves it: from a sub-path, by a plain file server started here,
// with every request to another origin aborted, and — once visited — with the network off, served
// by its service worker. E2E_DIST names the build folder (default dist/; run `vite build` first).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { test, expect } from './fixtures'

const DIST = resolve(process.env.E2E_DIST ?? 'dist')
const SUB_PATH = '/courses/k8s/ordinal/'
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

/** A plain static host: the files of DIST under SUB_PATH, 404 for anything else; every request logged. */
class StaticHost {
  readonly requests: { path: string; status: number }[] = []
  private server: Server | undefined
  origin = ''

  get url() {
    return `${this.origin}${SUB_PATH}`
  }

  async start() {
    this.server = createServer((req, res) => {
      void this.serve(req.url ?? '/').then(({ status, type, body }) => {
        this.requests.push({ path: req.url ?? '', status })
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' })
        res.end(body)
      })
    })
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** Closes the server and every open connection: from then on the host refuses to connect. */
  async stop() {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  }

  /** The requests that went wrong: outside the sub-path (an absolute URL in the build) or missing. */
  failures = () => this.requests.filter((r) => r.status !== 200)

  private async serve(url: string): Promise<{ status: number; type: string; body: Buffer | string }> {
    const path = decodeURIComponent(new URL(url, 'http://host').pathname)
    if (!path.startsWith(SUB_PATH)) return { status: 404, type: 'text/plain', body: 'outside the sub-path' }
    const file = resolve(DIST, `.${sep}${path.slice(SUB_PATH.length) || 'index.html'}`)
    if (!file.startsWith(DIST + sep)) return { status: 403, type: 'text/plain', body: 'forbidden' }
    try {
      const body = await readFile(file)
      return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body }
    } catch {
      return { status: 404, type: 'text/plain', body: 'not found' }
    }
  }
}

/** Aborts and records every request to an origin other than the host's (service workers' included). */
async function guardOrigin(context: BrowserContext, origin: string): Promise<string[]> {
  const foreign: string[] = []
  await context.route(
    (url) => url.origin !== origin && /^(https?|wss?):$/.test(url.protocol),
    (route) => {
      foreign.push(route.request().url())
      return route.abort('blockedbyclient')
    },
  )
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol)) foreign.push(request.url())
  })
  return foreign
}

/** The app as a learner uses it: the editor's text, Apply, and the cluster canvas. */
class App {
  constructor(readonly page: Page) {}
  editorLines = () => this.page.getByRole('complementary', { name: 'Manifest editor' }).locator('.view-lines')
  pod = (name: string) => this.page.locator(`[data-kind="Pod"][data-name="${name}"]`).first()

  /** Monaco shows the lesson example and its schema worker has checked it. */
  async ready() {
    await expect(this.editorLines()).toContainText('kind: StatefulSet')
    await expect(this.page.getByRole('region', { name: 'Problems' })).toContainText('No problems')
  }

  /** Applies the editor's text and plays at 100× until both pods of web are Running and Ready. */
  async applyAndRun() {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click()
    await this.page.getByLabel('Speed').selectOption('100')
    const play = this.page.getByRole('button', { name: 'Play', exact: true })
    if (await play.isVisible()) await play.click()
    for (const name of ['web-0', 'web-1']) {
      await expect(this.pod(name)).toHaveAttribute('data-status', 'Running 1/1', { timeout: 30_000 })
    }
  }
}

/** Each test gets its own host, on a free port. */
const it = test.extend<{ host: StaticHost }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies destructured
  host: async ({}, use) => {
    const host = new StaticHost()
    await host.start()
    await use(host)
    await host.stop()
  },
})

it('the build works from a sub-path of a plain static host, with every other origin blocked', async ({
  page,
  context,
  host,
}) => {
  const foreign = await guardOrigin(context, host.origin)
  await page.goto(host.url)
  const app = new App(page)
  await app.ready()
  await app.applyAndRun()

  // It shipped with its Content-Security-Policy: no inline and no remote scripts.
  const csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
  await expect(csp).toHaveAttribute('content', /script-src 'self';/)
  await expect(csp).toHaveAttribute('content', /object-src 'none'/)
  // Under that policy Monaco still completes from the schema (its worker, icons and font).
  await app.editorLines().getByText('kind: StatefulSet').click()
  for (const key of ['ArrowDown', 'ArrowDown', 'End']) await page.keyboard.press(key) // after "  name: web"
  await page.keyboard.press('Enter')
  await page.keyboard.type('annot')
  await page.keyboard.press('Control+Space')
  await expect(page.locator('.suggest-widget')).toContainText('annotations')
  await page.keyboard.press('Escape')
  // Every link and script of the page resolves under the sub-path.
  const links = await page
    .locator('link[href], script[src]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''))
  for (const href of links) expect(new URL(href, host.url).href).toContain(host.url)
  // Installable: a manifest and icons, all found relative to the sub-path.
  const manifest = (await (await page.request.get(`${host.url}manifest.webmanifest`)).json()) as {
    name: string
    icons: { src: string }[]
  }
  expect(manifest.name).toBe('Ordinal')
  for (const icon of manifest.icons)
    expect((await page.request.get(`${host.url}${icon.src}`)).ok()).toBe(true)

  await page.waitForLoadState('networkidle')
  expect(host.failures(), 'requests outside the sub-path or for missing files').toEqual([])
  expect(foreign, 'requests to other origins').toEqual([])
})

it('after one visit the service worker serves the whole app with the network off', async ({
  page,
  context,
  host,
}) => {
  const foreign = await guardOrigin(context, host.origin)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(host.url)
  await new App(page).ready()
  // The worker is active once it has precached the build (Monaco, its workers and the font included).
  await expect
    .poll(() => page.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)'), {
      timeout: 30_000,
    })
    .toBe('activated')

  // The first visit is not controlled by the worker: let it finish loading what Monaco fetches lazily
  // (its icon font), or that request fails once the network goes and reports a console error.
  await page.waitForLoadState('networkidle')
  await page.evaluate('document.fonts.ready.then(() => true)')

  // No network at all: the context is offline and the host is gone.
  await context.setOffline(true)
  await host.stop()
  await page.reload()
  const app = new App(page)
  expect(await page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true)
  await app.ready()

  // Monaco's YAML worker answers offline: a schema error appears as a marker.
  const text = (await page.evaluate('globalThis.__ordinal.store.getState().editorText')) as string
  await page.evaluate(
    `navigator.clipboard.writeText(${JSON.stringify(text.replace('replicas: 2', 'replicas: "two"'))})`,
  )
  await app.editorLines().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('Incorrect type')
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems')

  await app.applyAndRun()
  // The lessons are a chunk of their own, never opened online: precached all the same.
  await page.getByTestId('lessons-tab').click()
  await page.locator('.lesson-list li[data-lesson="topology"] button').click()
  await expect(page.locator('#lesson-title')).toHaveText('Topology state: order and identity')
  expect(foreign, 'requests to other origins').toEqual([])
})

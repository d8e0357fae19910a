import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

const WEB_YAML = readFileSync(new URL('../src/examples/web.yaml', import.meta.url), 'utf8')
const TOPOLOGY_YAML = readFileSync(new URL('../src/examples/topology.yaml', import.meta.url), 'utf8')
const ZONE = 'nginx.default.svc.cluster.local'

/** The slice of the page's store the tests drive (window.__ordinal.store, set by ClusterCanvas). */
interface State {
  snapshot: { now: number; pods: { metadata: { name: string }; status: { podIP?: string } }[] }
  selected?: { kind: string; name: string }
  actions: Record<'pause' | 'play' | 'step', () => void> &
    Record<'setSpeed' | 'tick', (n: number) => void> &
    Record<'apply' | 'runCommand', (text: string) => unknown>
}

/** The cluster canvas as the tests see it: objects by kind and name, the clock driven through the store. */
class Canvas {
  constructor(readonly page: Page) {}

  /** Runs `fn` in the page on the store's state (a self-contained function: it is sent as source). */
  state<T, A = null>(fn: (s: State, arg: A) => T, arg?: A): Promise<T> {
    const call = `(${fn.toString()})(globalThis.__ordinal.store.getState(), ${JSON.stringify(arg ?? null)})`
    return this.page.evaluate(call) as Promise<T>
  }

  async open() {
    await this.page.goto('/')
    await this.page.waitForFunction('Boolean(globalThis.__ordinal && globalThis.__ordinal.store)')
    await this.state((s) => s.actions.pause())
  }

  object = (kind: string, name: string) => this.page.locator(`[data-kind="${kind}"][data-name="${name}"]`)
  pod = (name: string) => this.object('Pod', name)
  record = (name: string) => this.object('DNSRecord', `${name}.${ZONE}`)
  ipOf = (pod: string) =>
    this.state((s, name) => s.snapshot.pods.find((p) => p.metadata.name === name)?.status.podIP, pod)

  /** Runs `fn` on the store's state, then waits until the canvas shows the store's moment. */
  async act<A>(fn: (s: State, arg: A) => unknown, arg?: A) {
    await this.state(fn, arg)
    const now = await this.state((s) => s.snapshot.now)
    await expect(this.page.locator('.oc-clock')).toHaveAttribute('data-sim-time', String(now))
  }

  apply = (text: string) => this.act((s, t) => s.actions.apply(t), text)
  kubectl = (line: string) => this.act((s, l) => s.actions.runCommand(l), line)
  /** Advances the clock to the next change in the cluster (paused). */
  step = () => this.act((s) => s.actions.step())

  /** Lets simulated time run at 100× for `ms` of simulated time (in frames of 40 ms), then pauses. */
  run = (ms: number) =>
    this.act(({ actions }, total) => {
      actions.setSpeed(100)
      actions.play()
      for (let t = 0; t < total; t += 4_000) actions.tick(40)
      actions.pause()
    }, ms)

  /** Steps until `done()` holds (at most `max` changes of the cluster). */
  async stepUntil(done: () => Promise<boolean>, max = 120) {
    for (let i = 0; i < max && !(await done()); i++) await this.step()
    expect(await done(), 'the cluster reached the expected state').toBe(true)
  }

  status = async (l: Locator) => ((await l.count()) === 0 ? null : l.getAttribute('data-status'))
}

/** Each test starts on a fresh page, paused, with web.yaml applied. */
const it = test.extend<{ canvas: Canvas }>({
  canvas: async ({ page }, use) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await use(canvas)
  },
})

const hasStatus = (locator: Locator, status: string | RegExp) =>
  expect(locator).toHaveAttribute('data-status', status)

it.describe('the cluster canvas', () => {
  it('draws web.yaml slot by slot: pods in ordinal order, DNS records, bound claims and volumes', async ({
    canvas,
    page,
  }) => {
    await hasStatus(canvas.object('StatefulSet', 'web'), '0/2')
    await hasStatus(canvas.object('Service', 'nginx'), 'ClusterIP None')
    await expect(page.locator('[data-slot]')).toHaveCount(2)

    // web-0 appears first; web-1 only once web-0 is Running and Ready (OrderedReady).
    const seen: string[] = []
    await canvas.stepUntil(async () => {
      const [a, b] = [await canvas.status(canvas.pod('web-0')), await canvas.status(canvas.pod('web-1'))]
      seen.push(`${a} | ${b}`)
      return b === 'Running 1/1'
    })
    const [web0, web1] = [
      seen.findIndex((s) => !s.startsWith('null')),
      seen.findIndex((s) => !s.endsWith('null')),
    ]
    expect(web0, seen.join('\n')).toBeGreaterThanOrEqual(0)
    expect(web0, seen.join('\n')).toBeLessThan(web1)
    expect(seen[web1], seen.join('\n')).toMatch(/^Running 1\/1 \| /)
    expect(seen.slice(web0, web1).some((s) => /^(Pending|ContainerCreating) 0\/1/.test(s))).toBe(true)

    await canvas.run(10_000)
    for (const name of ['web-0', 'web-1']) {
      await hasStatus(canvas.pod(name), 'Running 1/1')
      const ip = (await canvas.ipOf(name))!
      expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
      await expect(canvas.record(name)).toContainText(ip)
      await hasStatus(canvas.record(name), `A ${ip}`)
      await hasStatus(canvas.object('PersistentVolumeClaim', `www-${name}`), 'Bound')
      await expect(canvas.object('PersistentVolumeClaim', `www-${name}`)).toHaveAttribute(
        'data-orphaned',
        'false',
      )
    }
    await expect(page.locator('[data-kind="PersistentVolume"]')).toHaveCount(2)
    await expect(page.locator('[data-kind="PersistentVolume"][data-status="Bound"]')).toHaveCount(2)
    await expect(canvas.object('DNSRecord', ZONE)).toContainText((await canvas.ipOf('web-0'))!)
    const summaries: [string, string, string | RegExp][] = [
      ['DNSRecord', `_web._tcp.${ZONE}`, /^SRV 0 50 80 web-0\./],
      ['StatefulSet', 'web', '2/2'],
      ['StorageClass', 'standard', 'WaitForFirstConsumer'],
      ['Node', 'node-1', 'Ready'],
    ]
    for (const [kind, name, status] of summaries) await hasStatus(canvas.object(kind, name), status)

    // Every drawn object carries the testable, accessible surface.
    for (const el of await page.locator('[data-kind]').all())
      for (const attribute of ['data-name', 'data-status', 'aria-label'])
        expect(await el.getAttribute(attribute), attribute).toBeTruthy()
    await expect(canvas.pod('web-0')).toHaveAttribute('tabindex', '0')
    await expect(canvas.pod('web-0')).toHaveAttribute('role', 'button')
    await expect(canvas.pod('web-0')).toHaveAttribute('data-uid', /^[0-9a-f-]{36}$/)
  })

  it('a deleted pod comes back in the same slot with the same name and a new IP; its record re-points', async ({
    canvas,
    page,
  }) => {
    await canvas.run(40_000)
    await hasStatus(canvas.pod('web-1'), 'Running 1/1')
    const uid = (await canvas.pod('web-0').getAttribute('data-uid'))!
    const ip = (await canvas.ipOf('web-0'))!
    await expect(canvas.record('web-0')).toContainText(ip)

    await canvas.kubectl('kubectl delete pod web-0')
    await hasStatus(canvas.pod('web-0'), 'Terminating 1/1')
    await canvas.stepUntil(async () => (await canvas.record('web-0').count()) === 0)
    await expect(canvas.record('web-1')).toHaveCount(1)
    await expect(page.locator('.oc-absent')).toContainText(['NXDOMAIN'])

    await canvas.stepUntil(async () => (await canvas.status(canvas.pod('web-0'))) === 'Running 1/1')
    await canvas.stepUntil(async () => (await canvas.record('web-0').count()) === 1)
    const newIp = (await canvas.ipOf('web-0'))!
    expect(newIp).not.toBe(ip)
    await expect(canvas.pod('web-0')).not.toHaveAttribute('data-uid', uid)
    await expect(canvas.pod('web-0')).toContainText(newIp)
    await expect(canvas.pod('web-0')).toContainText('tenant #2')
    await hasStatus(canvas.record('web-0'), `A ${newIp}`)
    await expect(canvas.record('web-0')).toContainText(newIp)
    await hasStatus(canvas.object('PersistentVolumeClaim', 'www-web-0'), 'Bound')
  })

  it('scaling to 4 and back to 2 keeps claims www-web-2/3 Bound and draws them orphaned', async ({
    canvas,
    page,
  }) => {
    await canvas.run(40_000)
    await canvas.kubectl('kubectl scale sts web --replicas=4')
    await canvas.run(60_000)
    await hasStatus(canvas.pod('web-3'), 'Running 1/1')
    await expect(canvas.record('web-3')).toHaveCount(1)

    await canvas.kubectl('kubectl scale sts web --replicas=2')
    await canvas.run(60_000)
    for (const name of ['web-2', 'web-3']) {
      await expect(canvas.pod(name)).toHaveCount(0)
      await expect(canvas.record(name)).toHaveCount(0)
      await expect(page.locator(`[data-slot="${name}"]`)).toContainText('scaled down')
      const claim = canvas.object('PersistentVolumeClaim', `www-${name}`)
      await hasStatus(claim, 'Bound')
      await expect(claim).toHaveAttribute('data-orphaned', 'true')
      await expect(claim).toContainText(`waiting for ${name}`)
    }
    await expect(canvas.object('PersistentVolumeClaim', 'www-web-1')).toHaveAttribute(
      'data-orphaned',
      'false',
    )
    await expect(page.locator('[data-kind="PersistentVolume"][data-status="Bound"]')).toHaveCount(4)
    await hasStatus(canvas.object('StatefulSet', 'web'), '2/2')
  })

  it('objects are reachable by keyboard and clicking one selects it for the inspector', async ({
    canvas,
    page,
  }) => {
    await canvas.run(40_000)
    const selected = () => canvas.state((s) => s.selected ?? null)
    await canvas.pod('web-1').click()
    expect(await selected()).toMatchObject({ kind: 'Pod', name: 'web-1' })
    await canvas.object('PersistentVolumeClaim', 'www-web-0').focus()
    await page.keyboard.press('Enter')
    expect(await selected()).toMatchObject({ kind: 'PersistentVolumeClaim', name: 'www-web-0' })
  })

  it('the legend is drawn when first shown, and hidden again', async ({ canvas, page }) => {
    await expect(canvas.object('Node', 'node-1')).toBeVisible()
    const legend = page.locator('#oc-legend')
    await expect(legend).toBeHidden()
    await page.getByRole('button', { name: 'Legend' }).click()
    await expect(legend).toBeVisible()
    expect(Number(await legend.getAttribute('width'))).toBeGreaterThan(100)
    await expect(legend.locator('text').first()).not.toBeEmpty()
    await page.getByRole('button', { name: 'Legend' }).click()
    await expect(legend).toBeHidden()
  })

  it('a crowded canvas draws what is in view, and more as the view moves; the table keeps every pod', async ({
    canvas,
    page,
  }) => {
    const crowd = TOPOLOGY_YAML.replace(
      /^  replicas: \d+$/m,
      '  replicas: 200\n  podManagementPolicy: Parallel',
    )
    await canvas.kubectl('kubectl delete statefulset web')
    await canvas.run(20_000)
    await canvas.apply(crowd)
    await canvas.run(30_000)
    const culled = Number(await page.locator('.oc-viewport').getAttribute('data-culled'))
    expect(culled, 'pods out of view are not drawn').toBeGreaterThan(0)
    await expect(page.locator('.oc-viewport [data-kind="Pod"]')).toHaveCount(200 - culled)
    await expect(canvas.pod('web-0')).toHaveAttribute('data-status', 'Running 1/1')
    await expect(canvas.pod('web-199')).toHaveCount(0)
    await expect(page.getByTestId('cluster-table').locator('tbody tr')).toHaveCount(200)
    await page.getByTestId('cluster-canvas').hover()
    // Wheel down a row or so at a time: each move past the drawn region draws the next rows.
    for (let i = 0; i < 40 && (await canvas.pod('web-199').count()) === 0; i++) {
      await page.mouse.wheel(0, 400)
      await page.waitForTimeout(150)
    }
    await expect(canvas.pod('web-199')).toHaveAttribute('data-status', 'Running 1/1')
    await expect(canvas.pod('web-0')).toHaveCount(0)
  })
})

it.describe('the cluster canvas with reduced motion', () => {
  it.use({ reducedMotion: 'reduce' })

  it('changes land at once: a pod that leaves is gone from the picture immediately', async ({
    canvas,
    page,
  }) => {
    await canvas.run(40_000)
    await canvas.kubectl('kubectl delete pod web-1')
    await canvas.stepUntil(async () => (await canvas.status(canvas.pod('web-1'))) !== 'Terminating 1/1')
    await expect(page.locator('.oc-leaving')).toHaveCount(0)
    await expect(page.locator('.oc-root [opacity="0"]:not(.oc-flash):not(.oc-was)')).toHaveCount(0)
  })
})

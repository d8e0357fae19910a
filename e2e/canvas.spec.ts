// oxlint-disable no-underscore-dangle -- globalThis.__ordinal is the page's test hook (ClusterCanvas)
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

const WEB_YAML = readFileSync(new URL('../src/examples/web.yaml', import.meta.url), 'utf8')
const ZONE = 'nginx.default.svc.cluster.local'

/** The slice of the page's store the tests drive, reached through the canvas's test hook. */
interface Hook {
  __ordinal: {
    store: {
      getState(): {
        snapshot: {
          now: number
          pods: { metadata: { name: string; uid: string }; status: { podIP?: string } }[]
        }
        selected?: { kind: string; name: string }
        actions: {
          pause(): void
          play(): void
          setSpeed(speed: number): void
          tick(realMs: number): void
          step(): void
          apply(text: string): { exitCode: number }
          runCommand(line: string): void
        }
      }
    }
  }
}

/** The cluster canvas as the tests see it: objects by kind and name, the clock driven through the store. */
class Canvas {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
    await this.page.waitForFunction('Boolean(globalThis.__ordinal && globalThis.__ordinal.store)')
    await this.page.evaluate(() => (globalThis as unknown as Hook).__ordinal.store.getState().actions.pause())
  }

  object(kind: string, name: string): Locator {
    return this.page.locator(`[data-kind="${kind}"][data-name="${name}"]`)
  }

  pod(name: string): Locator {
    return this.object('Pod', name)
  }

  record(name: string): Locator {
    return this.object('DNSRecord', `${name}.${ZONE}`)
  }

  async apply(text: string) {
    const code = await this.page.evaluate(
      (t) => (globalThis as unknown as Hook).__ordinal.store.getState().actions.apply(t).exitCode,
      text,
    )
    expect(code).toBe(0)
    await this.drawn()
  }

  async kubectl(line: string) {
    await this.page.evaluate(
      (l) => (globalThis as unknown as Hook).__ordinal.store.getState().actions.runCommand(l),
      line,
    )
    await this.drawn()
  }

  /** Waits until the canvas shows the store's current simulated moment. */
  async drawn() {
    const now = await this.page.evaluate(
      () => (globalThis as unknown as Hook).__ordinal.store.getState().snapshot.now,
    )
    await expect(this.page.locator('.oc-clock')).toHaveAttribute('data-sim-time', String(now))
  }

  /** Advances the clock to the next change in the cluster (paused), then waits for the drawing. */
  async step() {
    await this.page.evaluate(() => (globalThis as unknown as Hook).__ordinal.store.getState().actions.step())
    await this.drawn()
  }

  /** Lets simulated time run at 100× for `ms` of simulated time (in frames of 40 ms), then pauses. */
  async run(ms: number) {
    await this.page.evaluate((total) => {
      const { actions } = (globalThis as unknown as Hook).__ordinal.store.getState()
      actions.setSpeed(100)
      actions.play()
      for (let t = 0; t < total; t += 4_000) actions.tick(40)
      actions.pause()
    }, ms)
    await this.drawn()
  }

  /** Steps until `done()` holds (at most `max` changes of the cluster). */
  async stepUntil(done: () => Promise<boolean>, max = 120) {
    for (let i = 0; i < max; i++) {
      if (await done()) return
      await this.step()
    }
    throw new Error('the cluster never reached the expected state')
  }

  async status(locator: Locator): Promise<string | null> {
    return (await locator.count()) === 0 ? null : locator.getAttribute('data-status')
  }

  async ipOf(pod: string): Promise<string | undefined> {
    return this.page.evaluate(
      (name) =>
        (globalThis as unknown as Hook).__ordinal.store
          .getState()
          .snapshot.pods.find((p) => p.metadata.name === name)?.status.podIP,
      pod,
    )
  }
}

test.describe('the cluster canvas', () => {
  test('draws web.yaml slot by slot: pods in ordinal order, DNS records, bound claims and volumes', async ({
    page,
  }) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await expect(canvas.object('StatefulSet', 'web')).toHaveAttribute('data-status', '0/2')
    await expect(canvas.object('Service', 'nginx')).toHaveAttribute('data-status', 'ClusterIP None')
    await expect(page.locator('[data-slot]')).toHaveCount(2)

    // web-0 appears first; web-1 only once web-0 is Running and Ready (OrderedReady).
    const seen: string[] = []
    await canvas.stepUntil(async () => {
      const [a, b] = [await canvas.status(canvas.pod('web-0')), await canvas.status(canvas.pod('web-1'))]
      seen.push(`${a} | ${b}`)
      return b === 'Running 1/1'
    })
    const firstWeb0 = seen.findIndex((s) => !s.startsWith('null'))
    const firstWeb1 = seen.findIndex((s) => !s.endsWith('null'))
    expect(firstWeb0, seen.join('\n')).toBeGreaterThanOrEqual(0)
    expect(firstWeb0, seen.join('\n')).toBeLessThan(firstWeb1)
    expect(seen[firstWeb1], seen.join('\n')).toMatch(/^Running 1\/1 \| /)
    expect(seen.slice(firstWeb0, firstWeb1).some((s) => /^(Pending|ContainerCreating) 0\/1/.test(s))).toBe(
      true,
    )

    await canvas.run(10_000)
    for (const name of ['web-0', 'web-1']) {
      await expect(canvas.pod(name)).toHaveAttribute('data-status', 'Running 1/1')
      const ip = await canvas.ipOf(name)
      expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
      await expect(canvas.record(name)).toContainText(ip!)
      await expect(canvas.record(name)).toHaveAttribute('data-status', `A ${ip}`)
      await expect(canvas.object('PersistentVolumeClaim', `www-${name}`)).toHaveAttribute(
        'data-status',
        'Bound',
      )
      await expect(canvas.object('PersistentVolumeClaim', `www-${name}`)).toHaveAttribute(
        'data-orphaned',
        'false',
      )
    }
    const volumes = page.locator('[data-kind="PersistentVolume"]')
    await expect(volumes).toHaveCount(2)
    for (const v of await volumes.all()) await expect(v).toHaveAttribute('data-status', 'Bound')
    await expect(canvas.object('DNSRecord', ZONE)).toContainText((await canvas.ipOf('web-0'))!)
    await expect(canvas.object('DNSRecord', `_web._tcp.${ZONE}`)).toHaveAttribute(
      'data-status',
      /^SRV 0 50 80 web-0\./,
    )
    await expect(canvas.object('StatefulSet', 'web')).toHaveAttribute('data-status', '2/2')
    await expect(canvas.object('StorageClass', 'standard')).toHaveAttribute(
      'data-status',
      'WaitForFirstConsumer',
    )
    await expect(canvas.object('Node', 'node-1')).toHaveAttribute('data-status', 'Ready')

    // Every drawn object carries the testable, accessible surface.
    for (const el of await page.locator('[data-kind]').all()) {
      expect(await el.getAttribute('data-name')).toBeTruthy()
      expect(await el.getAttribute('data-status')).toBeTruthy()
      expect(await el.getAttribute('aria-label')).toBeTruthy()
    }
    const pod = canvas.pod('web-0')
    await expect(pod).toHaveAttribute('tabindex', '0')
    await expect(pod).toHaveAttribute('role', 'button')
    await expect(pod).toHaveAttribute('data-uid', /^[0-9a-f-]{36}$/)
  })

  test('a deleted pod comes back in the same slot with the same name and a new IP; its record re-points', async ({
    page,
  }) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await canvas.run(40_000)
    await expect(canvas.pod('web-1')).toHaveAttribute('data-status', 'Running 1/1')
    const uid = await canvas.pod('web-0').getAttribute('data-uid')
    const ip = (await canvas.ipOf('web-0'))!
    await expect(canvas.record('web-0')).toContainText(ip)

    await canvas.kubectl('kubectl delete pod web-0')
    await expect(canvas.pod('web-0')).toHaveAttribute('data-status', 'Terminating 1/1')
    await canvas.stepUntil(async () => (await canvas.record('web-0').count()) === 0)
    await expect(canvas.record('web-1')).toHaveCount(1)
    await expect(page.locator('[data-kind="DNSRecord"]', { hasText: 'NXDOMAIN' })).toHaveCount(0)
    await expect(page.locator('.oc-absent')).toContainText(['NXDOMAIN'])

    await canvas.stepUntil(async () => (await canvas.status(canvas.pod('web-0'))) === 'Running 1/1')
    await canvas.stepUntil(async () => (await canvas.record('web-0').count()) === 1)
    const newIp = (await canvas.ipOf('web-0'))!
    expect(newIp).not.toBe(ip)
    await expect(canvas.pod('web-0')).not.toHaveAttribute('data-uid', uid!)
    await expect(canvas.pod('web-0')).toContainText(newIp)
    await expect(canvas.pod('web-0')).toContainText('tenant #2')
    await expect(canvas.record('web-0')).toContainText(newIp)
    await expect(canvas.record('web-0')).not.toContainText(`A ${ip}`)
    await expect(canvas.object('PersistentVolumeClaim', 'www-web-0')).toHaveAttribute('data-status', 'Bound')
  })

  test('scaling to 4 and back to 2 keeps claims www-web-2/3 Bound and draws them orphaned', async ({
    page,
  }) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await canvas.run(40_000)
    await canvas.kubectl('kubectl scale sts web --replicas=4')
    await canvas.run(60_000)
    await expect(canvas.pod('web-3')).toHaveAttribute('data-status', 'Running 1/1')
    await expect(canvas.record('web-3')).toHaveCount(1)
    await expect(page.locator('[data-slot]')).toHaveCount(4)

    await canvas.kubectl('kubectl scale sts web --replicas=2')
    await canvas.run(60_000)
    await expect(canvas.pod('web-2')).toHaveCount(0)
    await expect(canvas.pod('web-3')).toHaveCount(0)
    await expect(canvas.record('web-3')).toHaveCount(0)
    await expect(page.locator('[data-slot]')).toHaveCount(4)
    await expect(page.locator('[data-slot="web-3"]')).toContainText('scaled down')
    for (const name of ['www-web-2', 'www-web-3']) {
      const claim = canvas.object('PersistentVolumeClaim', name)
      await expect(claim).toHaveAttribute('data-status', 'Bound')
      await expect(claim).toHaveAttribute('data-orphaned', 'true')
      await expect(claim).toContainText(`waiting for ${name.slice(4)}`)
    }
    await expect(canvas.object('PersistentVolumeClaim', 'www-web-1')).toHaveAttribute(
      'data-orphaned',
      'false',
    )
    await expect(page.locator('[data-kind="PersistentVolume"][data-status="Bound"]')).toHaveCount(4)
    await expect(canvas.object('StatefulSet', 'web')).toHaveAttribute('data-status', '2/2')
  })

  test('objects are reachable by keyboard and clicking one selects it for the inspector', async ({
    page,
  }) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await canvas.run(40_000)
    const selected = () =>
      page.evaluate(() => (globalThis as unknown as Hook).__ordinal.store.getState().selected ?? null)
    await canvas.pod('web-1').click()
    expect(await selected()).toMatchObject({ kind: 'Pod', name: 'web-1' })
    await canvas.object('PersistentVolumeClaim', 'www-web-0').focus()
    await page.keyboard.press('Enter')
    expect(await selected()).toMatchObject({ kind: 'PersistentVolumeClaim', name: 'www-web-0' })
    await expect(page.getByRole('button', { name: 'Fit to view' })).toBeVisible()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Fit to view' }).click()
  })
})

test.describe('the cluster canvas with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('changes land at once: a pod that leaves is gone from the picture immediately', async ({ page }) => {
    const canvas = new Canvas(page)
    await canvas.open()
    await canvas.apply(WEB_YAML)
    await canvas.run(40_000)
    await canvas.kubectl('kubectl delete pod web-1')
    await canvas.stepUntil(
      async () =>
        (await canvas.pod('web-1').count()) === 0 ||
        (await canvas.status(canvas.pod('web-1'))) !== 'Terminating 1/1',
    )
    await expect(page.locator('.oc-leaving')).toHaveCount(0)
    await expect(page.locator('.oc-root [opacity="0"]:not(.oc-flash):not(.oc-was)')).toHaveCount(0)
  })
})

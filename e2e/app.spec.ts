import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** The page shell as a learner uses it: editor Apply, the time bar, the console and the events. */
class OrdinalPage {
  readonly editor: Locator
  readonly apply: Locator
  readonly time: Locator
  readonly speed: Locator
  readonly kubectl: Locator
  readonly output: Locator
  readonly narration: Locator

  constructor(readonly page: Page) {
    this.editor = page.getByRole('complementary', { name: 'Manifest editor' })
    this.apply = page.getByRole('button', { name: 'Apply', exact: true })
    this.time = page.getByRole('slider', { name: 'Time' })
    this.speed = page.getByLabel('Speed')
    this.kubectl = page.getByRole('textbox', { name: 'kubectl' })
    this.output = page.getByRole('log', { name: 'kubectl output' })
    this.narration = page.getByTestId('narration')
  }

  async open() {
    await this.page.goto('/')
    await expect(this.time).toBeVisible()
  }

  async run(line: string) {
    await this.kubectl.fill(line)
    await this.kubectl.press('Enter')
  }

  async now(): Promise<number> {
    return Number(await this.time.inputValue())
  }

  async end(): Promise<number> {
    return Number(await this.time.getAttribute('max'))
  }

  /** Gives keyboard focus to the page itself (not a control), as a user clicking the header would. */
  async focusPage() {
    await this.page.getByRole('heading', { level: 1, name: 'Ordinal' }).click()
  }

  async pause() {
    const pause = this.page.getByRole('button', { name: 'Pause', exact: true })
    if (await pause.isVisible()) await pause.click()
    await expect(this.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  }

  /**
   * Applies the example (paused, so it lands at a known moment), plays at 100× until both pods
   * are Running and Ready, pauses, and returns the simulated time of the apply.
   */
  async bringUpWeb(): Promise<number> {
    await this.pause()
    const appliedAt = await this.now()
    await this.apply.click()
    await this.run('rollout status sts/web')
    await this.speed.selectOption('100')
    await this.page.getByRole('button', { name: 'Play', exact: true }).click()
    await expect(this.output).toContainText('roll out complete', { timeout: 20_000 })
    await this.pause()
    return appliedAt
  }

  /** Waits for the page to paint a few frames (the clock ticks once per frame). */
  async frames() {
    // A string, because the e2e project's TypeScript has no DOM types.
    await this.page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))',
    )
  }
}

test.describe('the app shell', () => {
  test('opens with the lesson example; the console runs kubectl and web-0 comes up before web-1', async ({
    page,
  }) => {
    const app = new OrdinalPage(page)
    await app.open()
    await expect(app.editor).toContainText(/kind:\s+StatefulSet/)
    // Monaco draws only the lines in view (fewer once the side panel has its tabs): read the text itself.
    await page.waitForFunction('Boolean(globalThis.__ordinal && globalThis.__ordinal.store)')
    expect(await page.evaluate('globalThis.__ordinal.store.getState().editorText')).toMatch(
      /serviceName:\s+"nginx"/,
    )

    await app.run('get nodes')
    await expect(app.output).toContainText('$ kubectl get nodes')
    for (const node of ['node-1', 'node-2', 'node-3']) await expect(app.output).toContainText(node)

    // Paused, so the watch is open before the first pod exists.
    await app.pause()
    await app.apply.click()
    await app.run('kubectl get pods -w')
    await expect(page.getByRole('button', { name: /Stop/ })).toBeVisible()
    await app.speed.selectOption('25')
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await expect(app.output).toContainText(/web-1\s+1\/1\s+Running/, { timeout: 20_000 })
    const text = (await app.output.textContent()) ?? ''
    const web0Running = text.search(/web-0\s+1\/1\s+Running/)
    const web1Appears = text.search(/web-1\s+0\/1\s+Pending/)
    expect(web0Running).toBeGreaterThan(-1)
    expect(web1Appears).toBeGreaterThan(web0Running)

    // Ctrl+C stops the watch.
    await app.kubectl.press('Control+c')
    await expect(app.output).toContainText('^C')
    await expect(page.getByRole('button', { name: /Stop/ })).toHaveCount(0)

    await app.run('get pods')
    await expect(app.output).toContainText(
      /\$ kubectl get pods\s+NAME\s+READY\s+STATUS[\s\S]*web-0\s+1\/1\s+Running/,
    )
  })

  test('console: Tab completes, ↑ recalls, errors are told apart, clear empties it', async ({ page }) => {
    const app = new OrdinalPage(page)
    await app.open()
    await app.kubectl.fill('desc')
    await app.kubectl.press('Tab')
    await expect(app.kubectl).toHaveValue('describe ')
    await app.kubectl.pressSequentially('no')
    await app.kubectl.press('Tab')
    await expect(app.kubectl).toHaveValue('describe nodes ')
    await app.kubectl.pressSequentially('node-')
    await app.kubectl.press('Tab')
    await expect(page.getByText('node-1   node-2   node-3')).toBeVisible()
    await app.kubectl.pressSequentially('2')
    await app.kubectl.press('Enter')
    await expect(app.output).toContainText(/Name:\s+node-2/)

    await app.run('get pod nosuch')
    await expect(app.output.locator('.con-err')).toContainText(
      'Error from server (NotFound): pods "nosuch" not found',
    )

    await app.kubectl.press('ArrowUp')
    await expect(app.kubectl).toHaveValue('kubectl get pod nosuch')
    await app.kubectl.press('ArrowUp')
    await expect(app.kubectl).toHaveValue('kubectl describe nodes node-2')
    await app.kubectl.press('ArrowDown')
    await app.kubectl.press('ArrowDown')
    await expect(app.kubectl).toHaveValue('')

    await app.run('clear')
    await expect(app.output).not.toContainText('node-2')
  })

  test('time control: Space pauses, the slider goes back, Step advances, 100× runs, acting in the past forks', async ({
    page,
  }) => {
    const app = new OrdinalPage(page)
    await app.open()
    const appliedAt = await app.bringUpWeb()

    // Space toggles play (not while typing in the console: its spaces are text).
    await app.focusPage()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    const paused = await app.now()
    await app.frames()
    expect(await app.now()).toBe(paused)
    await app.kubectl.fill('get pods')
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    await app.kubectl.fill('')

    // ←/→ move one simulated second; Home/End jump to the ends.
    await app.focusPage()
    await page.keyboard.press('ArrowLeft')
    expect(await app.now()).toBeCloseTo(paused - 1000, 0)
    await page.keyboard.press('Home')
    expect(await app.now()).toBe(0)
    await page.keyboard.press('End')
    expect(await app.now()).toBeCloseTo(await app.end(), 0)

    // The slider moves the clock back: 3 s after the apply, web-1 does not exist yet.
    const early = appliedAt + 3000
    await app.time.fill(String(early))
    expect(await app.now()).toBeCloseTo(early, 0)
    await expect(page.locator('.tb-now')).toHaveText(
      `${String(Math.floor(early / 60_000)).padStart(2, '0')}:${String(Math.floor(early / 1000) % 60).padStart(2, '0')}`,
    )
    await app.run('clear')
    await app.run('get pods')
    await expect(app.output).toContainText(/web-0\s+0\/1/)
    await expect(app.output).not.toContainText('web-1')

    // Step jumps to the next change.
    await page.getByRole('button', { name: 'Step' }).click()
    expect(await app.now()).toBeGreaterThan(early)

    // Acting in the past forks the timeline: the end of the slider moves back.
    const endBefore = await app.end()
    await app.run('scale sts web --replicas=3')
    await expect.poll(() => app.end()).toBeLessThan(endBefore)
    await expect(page.getByRole('status').filter({ hasText: /Forked at \d\d:\d\d/ })).toBeVisible()

    // 100×: a hundred simulated seconds pass in about one real second.
    await app.speed.selectOption('100')
    const from = await app.now()
    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await expect.poll(() => app.now(), { timeout: 5_000 }).toBeGreaterThan(from + 60_000)
    await app.pause()
  })

  test('the event log explains events and clicking one moves the clock', async ({ page }) => {
    const app = new OrdinalPage(page)
    await app.open()
    await app.bringUpWeb()

    await page.getByRole('tab', { name: /Events/ }).click()
    const events = page.getByRole('region', { name: 'Events', exact: true })
    await expect(events.getByRole('columnheader')).toHaveText([
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'MESSAGE',
    ])
    const creates = events.locator('tbody[data-reason="SuccessfulCreate"]')
    await expect(creates.first()).toBeVisible()
    const web1 = creates.filter({ hasText: 'create Pod web-1 in StatefulSet web successful' })
    await expect(web1).toContainText(
      'The StatefulSet controller created web-1: OrderedReady starts the next ordinal only after web-0 is Running and Ready.',
    )
    await expect(creates.filter({ hasText: 'create Claim www-web-0' })).toContainText('outlives every pod')

    const before = await app.now()
    const jump = web1.getByRole('button', { name: /^Jump to \d\d:\d\d/ })
    const label = (await jump.getAttribute('aria-label')) ?? ''
    await jump.click()
    const after = await app.now()
    expect(after).toBeLessThan(before)
    await expect(page.locator('.tb-now')).toHaveText(/^\d\d:\d\d$/)
    expect(label).toContain(`Jump to ${await page.locator('.tb-now').textContent()}`)
    // At that moment web-1 has just been created: it is not Running yet.
    await page.getByRole('tab', { name: /Console/ }).click()
    await app.run('get pod web-1')
    await expect(app.output).toContainText(/web-1\s+0\/1\s+(Pending|ContainerCreating)/)
  })

  test('a live region narrates pods becoming Ready and their DNS records', async ({ page }) => {
    const app = new OrdinalPage(page)
    await app.open()
    await app.apply.click()
    await app.speed.selectOption('5')
    await expect(app.narration).toContainText('web-0 is Ready; DNS record web-0.nginx added.', {
      timeout: 20_000,
    })
    await expect(app.narration).toContainText('web-1 is Ready; DNS record web-1.nginx added.', {
      timeout: 20_000,
    })
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`the header, time bar, console and event log pass axe (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      const app = new OrdinalPage(page)
      await app.open()
      await app.pause()
      await app.apply.click()
      await app.run('get pods -w')
      await app.run('get pod nosuch')
      for (const tab of [/Console/, /Events/]) {
        await page.getByRole('tab', { name: tab }).click()
        const { violations } = await new AxeBuilder({ page })
          .include('.app-header')
          .include('.timebar')
          .include('.dock')
          .analyze()
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        )
      }
    })
  }
})

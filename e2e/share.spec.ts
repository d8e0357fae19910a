// Share links and exports in a real browser: a session recorded in one browser opens in another
// (a fresh context: no shared storage) at the same moment with the same pods, uids and IPs; a
// damaged link says why and leaves a working page; the visitor's own work survives opening a link;
// the script download is a bash script.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodeShare, type SharedSession } from '../src/state/share/shareLink'

const WEB_YAML = readFileSync(new URL('../src/examples/web.yaml', import.meta.url), 'utf8')
/** The header's Share menu is mounted by App.tsx; until it is, links are built here from storage. */
const MENU_MOUNTED = readFileSync(new URL('../src/ui/App.tsx', import.meta.url), 'utf8').includes(
  '<ShareMenu',
)

interface Seen {
  now: number
  end: number
  playing: boolean
  editorText: string
  pods: { name: string; uid: string; ip?: string; phase?: string }[]
}

/** What a learner sees of the session: the clock, the editor text, every pod with its uid and IP. */
function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const s = (globalThis as any)['__ordinal'].store.getState()
    return {
      now: s.snapshot.now,
      end: s.snapshot.end,
      playing: s.playing,
      editorText: s.editorText,
      pods: s.snapshot.pods.map((p: any) => ({
        name: p.metadata.name,
        uid: p.metadata.uid,
        ip: p.status?.podIP,
        phase: p.status?.phase,
      })),
    }
  })
}

async function storeReady(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Boolean((globalThis as any)['__ordinal']?.store)), { timeout: 30_000 })
    .toBe(true)
}

/** Plays at 100× for `ms` of simulated time, then pauses. */
async function run(page: Page, ms: number) {
  await page.evaluate((total) => {
    const { actions } = (globalThis as any)['__ordinal'].store.getState()
    actions.setSpeed(100)
    actions.play()
    for (let t = 0; t < total; t += 4_000) actions.tick(40)
    actions.pause()
  }, ms)
}

/** Records a session: web.yaml applied, time passes, a pod deleted, more time, an edited text. */
async function recordSession(page: Page): Promise<Seen> {
  await page.goto('/')
  await storeReady(page)
  await page.evaluate((yaml) => {
    const { actions } = (globalThis as any)['__ordinal'].store.getState()
    actions.pause()
    actions.apply(yaml)
  }, WEB_YAML)
  await run(page, 40_000)
  await page.evaluate(() =>
    (globalThis as any)['__ordinal'].store
      .getState()
      .actions.runCommand('kubectl delete pod web-0 --wait=false'),
  )
  await run(page, 30_000)
  await page.evaluate((yaml) => {
    const { actions } = (globalThis as any)['__ordinal'].store.getState()
    actions.seek(55_000)
    actions.setEditorText('# shared with a friend\n' + yaml)
  }, WEB_YAML)
  return seen(page)
}

/** The link for the page's session, built from what it saved (the page saves at most once a second). */
async function linkFromStorage(page: Page): Promise<string> {
  await expect
    .poll(async () => {
      const raw = await page.evaluate(() => localStorage.getItem('ordinal.session'))
      return raw ? (JSON.parse(raw) as { editorText: string }).editorText.startsWith('# shared') : false
    })
    .toBe(true)
  const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('ordinal.session')))!)
  const session: SharedSession = {
    seed: saved.seed,
    actions: saved.actions,
    end: saved.end,
    now: saved.now,
    editorText: saved.editorText,
  }
  const encoded = encodeShare(session)
  if (!encoded.ok) throw new Error(encoded.error.message)
  return `/#share=${encoded.data}`
}

/** The link as the Share menu copies it (read from its link field). */
async function linkFromMenu(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await page.getByRole('button', { name: 'Copy link' }).click()
  const field = page.getByRole('textbox', { name: 'Link to this session' })
  await expect(field).toBeVisible()
  const url = new URL(await field.inputValue())
  return `/${url.search}${url.hash}`
}

async function openIn(browser: Browser, link: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(link)
  await storeReady(page)
  return { context, page }
}

test('a shared link opens the same session in a fresh browser: same pods, uids and IPs, same moment, paused', async ({
  page,
  browser,
}) => {
  const original = await recordSession(page)
  expect(original.now).toBe(55_000)
  expect(original.pods.map((p) => p.name).sort()).toEqual(['web-0', 'web-1'])
  const link = MENU_MOUNTED ? await linkFromMenu(page) : await linkFromStorage(page)

  const { context, page: visitor } = await openIn(browser, link)
  try {
    const opened = await seen(visitor)
    expect(opened).toEqual({ ...original, playing: false })
    await expect(visitor.locator('.app-notice')).toContainText(
      'A shared session was opened, paused at 00:55.',
    )
    // The link leaves the address bar, so a reload does not open it again over newer work.
    expect(new URL(visitor.url()).hash).toBe('')
    await expect(visitor.getByRole('slider', { name: 'Time' })).toHaveValue('55000')
  } finally {
    await context.close()
  }
})

test('a damaged link says why, and the page works', async ({ page }) => {
  const encoded = encodeShare({ seed: 1, actions: [], end: 0, now: 0, editorText: 'kind: List' })
  if (!encoded.ok) throw new Error(encoded.error.message)
  await page.goto(`/#share=${encoded.data.slice(0, -5)}`)
  await storeReady(page)
  const alert = page.locator('.app-notice')
  await expect(alert).toContainText('The shared link could not be opened.')
  await expect(alert).toContainText('damaged or cut short')
  expect(new URL(page.url()).hash).toBe('')
  // The page is the visitor's own (here: a first visit's), and it works.
  expect((await seen(page)).editorText).toBe(WEB_YAML)
  await page.evaluate(
    (yaml) => (globalThis as any)['__ordinal'].store.getState().actions.apply(yaml),
    WEB_YAML,
  )
  await run(page, 30_000)
  expect((await seen(page)).pods.map((p) => p.name)).toContain('web-0')
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
})

/** Opens someone else's session (recorded in another context) over the visitor's own work. */
async function openOverOwnWork(page: Page, browser: Browser): Promise<string> {
  const other = await browser.newContext()
  const sharer = await other.newPage()
  await recordSession(sharer)
  const link = await linkFromStorage(sharer)
  await other.close()

  await page.goto('/')
  await storeReady(page)
  await page.evaluate(() =>
    (globalThis as any)['__ordinal'].store.getState().actions.setEditorText('# my own work'),
  )
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('ordinal.session') ?? ''))
    .toContain('# my own work')
  await page.goto('about:blank')
  await page.goto(link)
  await storeReady(page)
  return link
}

test('the visitor’s own saved work is kept when a shared link opens', async ({ page, browser }) => {
  await openOverOwnWork(page, browser)
  expect((await seen(page)).editorText.startsWith('# shared with a friend')).toBe(true)
  await expect(page.locator('.app-notice')).toContainText('Your own work is kept')
  const kept = await page.evaluate(() => localStorage.getItem('ordinal.session.kept'))
  expect(JSON.parse(kept!).editorText).toBe('# my own work')

  // A reload opens the shared session again (it is now the page's saved session), not the link.
  await page.reload()
  await storeReady(page)
  expect((await seen(page)).editorText.startsWith('# shared with a friend')).toBe(true)
  expect(
    JSON.parse((await page.evaluate(() => localStorage.getItem('ordinal.session.kept')))!).editorText,
  ).toBe('# my own work')
})

test('“Restore my work” brings the visitor’s work back', async ({ page, browser }) => {
  test.skip(!MENU_MOUNTED, 'the Share menu (with “Restore my work”) is not mounted in App.tsx yet')
  await openOverOwnWork(page, browser)
  await page.getByRole('button', { name: 'Restore my work' }).click()
  expect((await seen(page)).editorText).toBe('# my own work')
  await expect(page.locator('.app-notice')).toContainText('Your own work is back')
  await expect(page.getByRole('button', { name: 'Restore my work' })).toBeHidden()
  // The shared session took its place, and a reload keeps the visitor's work.
  await page.reload()
  await storeReady(page)
  expect((await seen(page)).editorText).toBe('# my own work')
})

test('the Share menu downloads a bash script and the manifests, and closes on Escape', async ({ page }) => {
  test.skip(!MENU_MOUNTED, 'the Share menu is not mounted in App.tsx yet')
  await recordSession(page)
  const share = page.getByRole('button', { name: 'Share', exact: true })
  await share.click()
  await expect(share).toHaveAttribute('aria-expanded', 'true')

  const [script] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download script (.sh)' }).click(),
  ])
  expect(script.suggestedFilename()).toBe('ordinal-session.sh')
  const text = readFileSync((await script.path())!, 'utf8')
  expect(text.startsWith('#!/usr/bin/env bash\n')).toBe(true)
  expect(text).toContain("kubectl apply -f - <<'EOF'")
  expect(text).toContain('kubectl delete pod web-0 --wait=false')

  const [manifests] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download manifests (.yaml)' }).click(),
  ])
  expect(manifests.suggestedFilename()).toBe('ordinal-manifests.yaml')
  expect(readFileSync((await manifests.path())!, 'utf8')).toContain('kind: StatefulSet')

  await page.keyboard.press('Escape')
  await expect(share).toHaveAttribute('aria-expanded', 'false')
  await expect(share).toBeFocused()
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden()
})

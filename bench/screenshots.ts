// Screenshots of the cluster at 10, 100 and 300 pods (Ready, then mid-recreation) for a look by eye
// after drawing changes (not part of `npm run bench`).
//   npx tsx bench/screenshots.ts [dist=bench/.dist] [outDir=/tmp]
import { chromium } from '@playwright/test'
import { serveStatic } from './serve'
import { statefulSetYaml } from './pageScenarios'

const dist = process.argv[2] ?? 'bench/.dist'
const out = process.argv[3] ?? '/tmp'
const server = await serveStatic(dist)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
for (const pods of [10, 100, 300]) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  await page.goto(server.url)
  await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 })
  await page.evaluate(`(() => {
    const { actions } = globalThis.__ordinal.store.getState()
    actions.pause()
    actions.apply(${JSON.stringify(statefulSetYaml(pods))})
    actions.setSpeed(100)
    for (let i = 0; i < 8; i++) { actions.play(); actions.tick(250); actions.pause() }
  })()`)
  await page.waitForTimeout(800)
  await page.screenshot({ path: `${out}/pods-${pods}-ready.png` })
  await page.evaluate(`(() => {
    const { actions } = globalThis.__ordinal.store.getState()
    actions.runCommand('kubectl delete pods -l app=nginx --wait=false')
    actions.setSpeed(1)
    for (let i = 0; i < 6; i++) { actions.play(); actions.tick(250); actions.pause() }
  })()`)
  await page.waitForTimeout(800)
  await page.screenshot({ path: `${out}/pods-${pods}-churn.png` })
  await context.close()
}
await browser.close()
await server.close()

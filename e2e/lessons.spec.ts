// Lessons 1 and 2 taken as a learner would, in English and in Chinese: start from the Lessons tab,
// press each step's buttons, answer each prediction, see the automatic check pass, go on, and reach
// the summary. Plus presenter mode driven by a clicker's keys.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** The answers Kubernetes proves right, per lesson and step. */
const RIGHT_ANSWERS: Record<string, Record<string, string>> = {
  topology: { apply: 'after-ready', delete: 'new-ip' },
  storage: { apply: 'own', delete: 'same' },
}

const TITLES = {
  en: {
    topology: 'Topology state: order and identity',
    storage: 'Storage state: a claim per pod',
    tab: 'Lessons',
  },
  'zh-CN': { topology: '拓扑状态：顺序与身份', storage: '存储状态：每个 Pod 一个 PVC', tab: '课程' },
} as const

async function commandFinished(page: Page) {
  await expect
    .poll(() => page.evaluate(() => (globalThis as any).__ordinal.store.getState().commandRunning), {
      timeout: 30_000,
    })
    .toBe(false)
}

/** Does the current step: its buttons in order, the prediction when asked, until the check passes. */
async function takeStep(page: Page, lesson: string) {
  const step = page.locator('.lesson-step')
  const stepId = (await step.getAttribute('data-step-id'))!
  const buttons = step.locator('.lesson-action button')
  const count = await buttons.count()
  const prediction = step.getByTestId('prediction')
  for (let i = 0; i < count; i++) {
    await buttons.nth(i).click()
    // A prediction may stop the cluster in the middle of the step's commands.
    if ((await prediction.count()) > 0 && (await prediction.getAttribute('data-state')) === 'asking')
      await answer(page, lesson, stepId)
    await commandFinished(page)
  }
  const expected = RIGHT_ANSWERS[lesson]?.[stepId]
  if (expected) {
    await expect(prediction).toBeVisible({ timeout: 30_000 })
    if ((await prediction.getAttribute('data-state')) === 'asking') await answer(page, lesson, stepId)
    await expect(prediction).toHaveAttribute('data-state', 'right', { timeout: 60_000 })
  }
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  await page.getByTestId('lesson-next').click()
}

async function answer(page: Page, lesson: string, stepId: string) {
  const prediction = page.getByTestId('prediction')
  await expect(prediction).toHaveAttribute('data-state', 'asking')
  // Asking paused the cluster, and the canvas's explanations are hidden until the answer.
  expect(await page.evaluate(() => (globalThis as any).__ordinal.store.getState().playing)).toBe(false)
  await expect(page.getByTestId('app')).toHaveAttribute('data-predicting', 'true')
  await prediction.locator(`button[data-option="${RIGHT_ANSWERS[lesson]![stepId]}"]`).click()
  await expect(page.getByTestId('app')).not.toHaveAttribute('data-predicting', 'true')
}

async function takeLesson(page: Page, lesson: 'topology' | 'storage', lang: 'en' | 'zh-CN') {
  await page.getByTestId('lessons-tab').click()
  await expect(page.getByTestId('lessons-tab')).toHaveText(TITLES[lang].tab)
  await page.locator(`.lesson-list li[data-lesson="${lesson}"] button`).click()
  await expect(page.locator('#lesson-title')).toHaveText(TITLES[lang][lesson])
  // A learner may speed the clock up; the lesson does not depend on it.
  await page.getByLabel(lang === 'en' ? 'Speed' : '速度').selectOption('10')
  const steps = await page.locator('.lesson-steps li').count()
  for (let i = 0; i < steps; i++) {
    await expect(page.locator('.lesson-view')).toHaveAttribute('data-step', String(i))
    await takeStep(page, lesson)
  }
  await expect(page.getByTestId('lesson-summary')).toBeVisible()
  await expect(page.locator('.lesson-steps li[data-done="true"]')).toHaveCount(steps)
}

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang })
    for (const lesson of ['topology', 'storage'] as const) {
      test(`lesson ${lesson} can be completed`, async ({ page }) => {
        test.setTimeout(240_000)
        await page.goto('/')
        await takeLesson(page, lesson, lang)
        if (lang === 'zh-CN') await expect(page.getByTestId('lesson-summary')).toContainText('要记住的')
      })
    }
  })
}

test('a lesson keeps the learner’s own work and gives it back when they leave', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await page.evaluate(() =>
    (globalThis as any).__ordinal.store.getState().actions.setEditorText('# my own notes\n'),
  )
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as any).__ordinal.store.getState().snapshot.statefulSets.length),
    )
    .toBe(1)
  await page.getByTestId('lessons-tab').click()
  await page.locator('.lesson-list li[data-lesson="topology"] button').click()
  // The lesson's cluster is empty and the editor holds its example.
  expect(
    await page.evaluate(() => (globalThis as any).__ordinal.store.getState().snapshot.statefulSets.length),
  ).toBe(0)
  await page.reload()
  await expect(page.locator('#lesson-title')).toHaveText(TITLES.en.topology)
  await page.getByRole('button', { name: 'Leave lesson' }).click()
  await expect
    .poll(() => page.evaluate(() => (globalThis as any).__ordinal.store.getState().editorText))
    .toBe('# my own notes\n')
  expect(
    await page.evaluate(() => (globalThis as any).__ordinal.store.getState().snapshot.statefulSets.length),
  ).toBe(1)
})

test('presenter mode: large captions, the editor hidden, a clicker builds the lesson, `.` blanks', async ({
  page,
}) => {
  const rootFontSize = () =>
    page.evaluate(() => {
      const g = globalThis as any
      return parseFloat(g.getComputedStyle(g.document.documentElement).fontSize)
    })
  await page.goto('/')
  const normalFont = await rootFontSize()
  await page.goto('/?present=1&lesson=topology')
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'true')
  await expect(page.locator('.app-side')).toBeHidden()
  const captions = page.getByTestId('presenter-captions')
  await expect(captions).toContainText('Create a headless Service and a StatefulSet')
  // Large type: everything is in rem, and the root grows (18 px at this 1280 px window, up from 15).
  expect(await rootFontSize()).toBeGreaterThan(normalFont * 1.15)
  // PageDown runs the step's action: the example is applied and the prediction is asked.
  await page.keyboard.press('PageDown')
  await expect(captions.getByTestId('prediction')).toHaveAttribute('data-state', 'asking', {
    timeout: 30_000,
  })
  await captions.locator('button[data-option="after-ready"]').click()
  await page.getByLabel('Speed').selectOption('10')
  await expect(captions).toContainText('✓', { timeout: 60_000 })
  await page.keyboard.press('PageDown')
  await expect(captions).toContainText('Names with an ordinal')
  await page.keyboard.press('PageUp')
  await expect(captions).toContainText('Create a headless Service and a StatefulSet')
  await page.keyboard.press('.')
  await expect(page.getByTestId('presenter-blank')).toBeVisible()
  await page.keyboard.press('.')
  await expect(page.getByTestId('presenter-blank')).toBeHidden()
  await page.keyboard.press('Escape')
  await expect(page.locator('.app-side')).toBeVisible()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the lesson panel, a prediction and presenter captions have no serious accessibility problems (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const serious = async (selector: string) => {
      const { violations } = await new AxeBuilder({ page }).include(selector).analyze()
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
    await page.goto('/')
    await page.getByTestId('lessons-tab').click()
    await expect(page.locator('.lesson-list')).toBeVisible() // the lessons' chunk has loaded
    expect(await serious('.lesson-panel')).toEqual([])
    await page.locator('.lesson-list li[data-lesson="topology"] button').click()
    await page.locator('.lesson-step .lesson-action button').click()
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-state', 'asking', { timeout: 30_000 })
    expect(await serious('.lesson-panel')).toEqual([])
    await page.getByTestId('presenter-toggle').click()
    expect(await serious('.presenter-captions')).toEqual([])
  })
}

// The language switcher: the page, its canvas and the learner's choice across a reload; and a
// browser that prefers Chinese opens the page in Chinese. Kubernetes words stay as kubectl prints them.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function open(page: Page) {
  await page.goto('/')
  await page.waitForFunction('Boolean(globalThis.__ordinal && globalThis.__ordinal.store)')
}

const canvas = (page: Page) => page.getByTestId('cluster-canvas')

test('switching to 简体中文 translates the page and the canvas, and a reload keeps it', async ({ page }) => {
  await open(page)
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(canvas(page).locator('.oc-seat-word').first()).toHaveText('SLOT')

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByTestId('language-switch')).toHaveAccessibleName('语言')
  await expect(page.getByText('通过模拟学习 Kubernetes StatefulSet')).toBeVisible()
  await expect(page.getByRole('tab', { name: '清单' })).toBeVisible()
  await expect(page.getByRole('tab', { name: /^控制台/ })).toBeVisible()
  await expect(page.getByRole('tab', { name: /^事件/ })).toBeVisible()
  await expect(page.getByRole('button', { name: '应用', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: '单步' })).toBeVisible()
  await expect(page.getByRole('slider', { name: '时间' })).toBeVisible()
  // The canvas redraws what D3 drew: slot words and section headings; kinds stay in English.
  await expect(canvas(page).locator('.oc-seat-word').first()).toHaveText('槽位')
  await expect(canvas(page).locator('.oc-heading', { hasText: 'StorageClass 与节点' })).toHaveCount(1)
  await expect(canvas(page).locator('[data-kind="StatefulSet"][data-name="web"]')).toHaveAttribute(
    'aria-label',
    /^StatefulSet web，就绪/,
  )

  await page.reload()
  await expect(page.getByRole('tab', { name: '清单' })).toBeVisible()
  await expect(canvas(page).locator('.oc-seat-word').first()).toHaveText('槽位')

  await page.getByTestId('language-switch').selectOption('en')
  await expect(page.getByRole('tab', { name: 'Manifest' })).toBeVisible()
  await expect(canvas(page).locator('.oc-seat-word').first()).toHaveText('SLOT')
})

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' })

  test('opens the page in Chinese the first time', async ({ page }) => {
    await open(page)
    await expect(page.getByTestId('language-switch')).toHaveValue('zh-CN')
    await expect(page.getByRole('tab', { name: '清单' })).toBeVisible()
    await expect(page.getByRole('button', { name: '应用', exact: true })).toBeVisible()
    await expect(canvas(page).locator('.oc-hint-title')).toHaveText('还没有应用任何内容')
  })
})

test('a link’s ?lang=zh-CN shows Chinese for that visit, its notice included, and is not remembered', async ({
  page,
}) => {
  await page.goto('/?lang=zh-CN&utm_source=blog')
  await page.waitForFunction('Boolean(globalThis.__ordinal && globalThis.__ordinal.store)')
  await expect(page.getByTestId('language-switch')).toHaveValue('zh-CN')
  await expect(page.getByRole('tab', { name: '清单' })).toBeVisible()
  // The launch's problems are worded before the first render: Chinese was loaded before them.
  await expect(page.locator('.app-notice')).toContainText('已忽略未知参数“utm_source”。')
  expect(await page.evaluate(() => localStorage.getItem('ordinal.language'))).toBeNull()
})

import { describe, expect, test } from 'vitest'
import { detectLanguage, setLanguage, t } from './i18n'

describe('detectLanguage', () => {
  test('a stored choice wins over the browser', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(detectLanguage('en', ['zh-CN'])).toBe('en')
  })
  test('any Chinese variant maps to zh-CN; unknown languages fall back to English', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(detectLanguage(null, ['de-DE', 'zh'])).toBe('zh-CN')
    expect(detectLanguage('klingon', ['fr'])).toBe('en')
  })
})

test('t follows the chosen language, whose messages are loaded first', async () => {
  await setLanguage('en')
  expect(t('language.label')).toBe('Language')
  await setLanguage('zh-CN')
  expect(t('language.label')).toBe('语言')
  expect(t('share:menu.restore')).toBe('恢复我的工作')
  await setLanguage('en')
})

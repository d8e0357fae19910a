// The Chinese messages against the English ones: the type already demands every key; these catch
// what it cannot see — an empty or untranslated text, a lost {{placeholder}} or <tag>, a plural
// without its _other form, and English punctuation against Chinese characters.
import { describe, expect, test } from 'vitest'
import { ui as uiEn } from './en/ui'
import { ui as uiZh } from './zh-CN/ui'

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const en = leaves(uiEn)
const zh = leaves(uiZh)
const pairs = [...en].map(([key, english]) => ({ key, english, chinese: zh.get(key) ?? '' }))

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort()
/** Two lowercase English words in a row: prose, which a translation must change. */
const isProse = (text: string) => /\b[a-z]{2,} [a-z]{2,}\b/.test(text.replace(/\{\{\s*\w+\s*\}\}/g, ''))

describe('zh-CN ui messages', () => {
  test('have exactly the English keys', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort())
  })

  // Each check lists the keys that fail it, so one run shows every offender.
  test('are non-empty, and prose is translated', () => {
    const bad = pairs.filter(
      (p) => p.chinese.trim() === '' || (isProse(p.english) && p.chinese === p.english),
    )
    expect(bad.map((p) => p.key)).toEqual([])
  })

  test('keep the placeholders and tags', () => {
    const same = (a: string[], b: string[]) => a.join() === b.join()
    const bad = pairs.filter(
      (p) =>
        !same(placeholders(p.chinese), placeholders(p.english)) || !same(tags(p.chinese), tags(p.english)),
    )
    expect(bad.map((p) => p.key)).toEqual([])
  })

  test('use Chinese punctuation next to Chinese text', () => {
    const english = /[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]|[\u4e00-\u9fff]\.(\s|$)/
    expect(pairs.filter((p) => english.test(p.chinese)).map((p) => p.key)).toEqual([])
  })

  test('every plural has its _other form', () => {
    const lonely = [...en.keys()].filter((k) => k.endsWith('_one') && !en.has(k.replace(/_one$/, '_other')))
    expect(lonely).toEqual([])
  })
})

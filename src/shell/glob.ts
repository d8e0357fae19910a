// Shell patterns (`*`, `?`, `[...]`) for pathname expansion and `${var#pattern}`. A pattern
// remembers which characters were quoted: `"*"` matches a literal star, `*` anything.
import { resolvePath, type ShellFileSystem } from './fs'

export interface Pattern {
  readonly text: string
  /** active[i] is false when text[i] was quoted and so matches only itself. */
  readonly active: readonly boolean[]
}

export function literalPattern(text: string, active: boolean): Pattern {
  return { text, active: Array.from({ length: text.length }, () => active) }
}

export function hasGlobCharacters(pattern: Pattern): boolean {
  return pattern.text
    .split('')
    .some((ch, i) => pattern.active[i] === true && (ch === '*' || ch === '?' || ch === '['))
}

export function matchesPattern(pattern: Pattern, text: string): boolean {
  return toRegExp(pattern).test(text)
}

function toRegExp(pattern: Pattern): RegExp {
  const { text, active } = pattern
  let source = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (!active[i]) source += escapeRegExp(ch)
    else if (ch === '*') source += '[^]*'
    else if (ch === '?') source += '[^]'
    else if (ch === '[') {
      const bracket = bracketExpression(text, i)
      if (bracket) {
        source += bracket.source
        i = bracket.end
      } else source += '\\['
    } else source += escapeRegExp(ch)
  }
  return new RegExp(`^${source}$`, 'u')
}

function bracketExpression(text: string, open: number): { source: string; end: number } | null {
  let i = open + 1
  const negated = text[i] === '!' || text[i] === '^'
  if (negated) i++
  const start = i
  if (text[i] === ']') i++
  while (i < text.length && text[i] !== ']') i++
  if (i >= text.length) return null
  const body = text.slice(start, i).replace(/[\\\]^]/g, (c) => `\\${c}`)
  return { source: `[${negated ? '^' : ''}${body}]`, end: i }
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch
}

/** `${name#p}` and friends: `value` with the shortest or longest matching prefix/suffix removed. */
export function removeAffix(value: string, pattern: Pattern, op: '#' | '##' | '%' | '%%'): string {
  const regex = toRegExp(pattern)
  const n = value.length
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (regex.test(value.slice(0, i))) return value.slice(i)
      return value
    case '##':
      for (let i = n; i >= 0; i--) if (regex.test(value.slice(0, i))) return value.slice(i)
      return value
    case '%':
      for (let i = n; i >= 0; i--) if (regex.test(value.slice(i))) return value.slice(0, i)
      return value
    case '%%':
      for (let i = 0; i <= n; i++) if (regex.test(value.slice(i))) return value.slice(0, i)
      return value
  }
}

/** Paths matching `pattern`, sorted bytewise as in the C locale; empty when nothing matches. */
export function expandPathname(pattern: Pattern, fs: ShellFileSystem, cwd: string): string[] {
  const segments = splitSegments(pattern)
  const absolute = pattern.text.startsWith('/')
  const wantsDirectory = pattern.text.endsWith('/')
  let candidates: string[] = [absolute ? '/' : '']
  for (const segment of segments) {
    if (!hasGlobCharacters(segment)) {
      candidates = candidates.map((c) => joinPath(c, segment.text))
      continue
    }
    const next: string[] = []
    for (const candidate of candidates) {
      const listing = fs.list(resolvePath(cwd, candidate === '' ? '.' : candidate))
      if (!listing.ok) continue
      for (const name of listing.value) {
        if (name.startsWith('.') && !segment.text.startsWith('.')) continue
        if (matchesPattern(segment, name)) next.push(joinPath(candidate, name))
      }
    }
    candidates = next
  }
  return candidates
    .filter((c) => {
      const stat = fs.stat(resolvePath(cwd, c))
      return stat.ok && (!wantsDirectory || stat.value.type === 'dir')
    })
    .map((c) => (wantsDirectory ? `${c}/` : c))
    .sort()
}

function splitSegments(pattern: Pattern): Pattern[] {
  const segments: Pattern[] = []
  let text = ''
  let active: boolean[] = []
  for (let i = 0; i <= pattern.text.length; i++) {
    const ch = pattern.text[i]
    if (ch === undefined || ch === '/') {
      if (text !== '') segments.push({ text, active })
      text = ''
      active = []
    } else {
      text += ch
      active.push(pattern.active[i] ?? false)
    }
  }
  return segments
}

function joinPath(base: string, name: string): string {
  if (base === '') return name
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`
}

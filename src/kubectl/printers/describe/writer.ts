// kubectl describe.go plumbing: PrefixWriter (two spaces per level, terminal escaping),
// tabbedString (tabwriter minwidth 0, tabwidth 8, padding 2), the multi-line label, annotation,
// toleration and taint printers, and Go's time.RFC1123Z in the simulated cluster's zone (UTC).
import { parseTimestamp } from '../humanDuration'
import { KUBECTL_DESCRIBE, TabWriter } from '../tabwriter'
import { escapeTerminal } from '../terminal'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/** describe.go prefixWriter; callers pass already formatted text instead of printf verbs. */
export class PrefixWriter {
  constructor(private readonly tab: Pick<TabWriter, 'write'>) {}

  write(level: number, text: string): void {
    this.tab.write(escapeTerminal('  '.repeat(level) + text))
  }

  /** WriteLine(a): fmt.Sprintln of one argument, i.e. the text and a newline. */
  writeLine(text: string): void {
    this.tab.write(escapeTerminal(`${text}\n`))
  }
}

/** tabbedString: runs `body` against a describe tabwriter and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const tab = new TabWriter(KUBECTL_DESCRIBE)
  body(new PrefixWriter(tab))
  return tab.flush()
}

/**
 * describe.NewPrefixWriter over a plain buffer, no tabwriter: tabs stay tabs. What
 * `kubectl rollout history --revision=N` prints its pod template with.
 */
export function plainString(body: (w: PrefixWriter) => void): string {
  let out = ''
  body(new PrefixWriter({ write: (text) => void (out += text) }))
  return out
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `Thu, 01 Jan 2026 09:00:19 +0000`; an unset time formats as Go's zero time, as describe does. */
export function formatRFC1123Z(ts: string | null | undefined): string {
  const t = parseTimestamp(ts)
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(t)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`
}

type StringMap = Readonly<Record<string, string>> | undefined | null

/** printLabelsMultilineWithIndent: sorted `k=v`, one per line, continuation lines aligned. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: StringMap,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    w.write(LEVEL_0, `${key}=${labels![key]}\n`)
  })
}

const MAX_ANNOTATION_LEN = 140
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

/** printAnnotationsMultiline: `key: value`; long or multi-line values on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: StringMap): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    const value = annotations![key]!.replace(/\n$/, '')
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s
        w.write(LEVEL_0, `\t  ${short}\n`)
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  if (!tolerations || tolerations.length === 0) return w.writeLine('<none>')
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  )
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${s}\n`)
  })
}

/** printTaintsMultilineWithIndent: Taint.ToString() (`key=value:Effect`), sorted by effect then key. */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly { key: string; value?: string; effect: string }[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!taints || taints.length === 0) return w.writeLine('<none>')
  const key = (t: { key: string; effect: string }) => `${t.effect},${t.key}`
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    // Taint.ToString keeps the colon when there is a value but no effect.
    const text = t.effect
      ? t.value
        ? `${t.key}=${t.value}:${t.effect}`
        : `${t.key}:${t.effect}`
      : t.value
        ? `${t.key}=${t.value}:`
        : t.key
    w.write(LEVEL_0, `${text}\n`)
  })
}

/** Go's %v of a []string: `[a b]`. */
export function goStringSlice(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`
}

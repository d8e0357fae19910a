// What the page's address asks for: `?embed=1` (no chrome, for an iframe), `?present=1`,
// `?lesson=ID&step=N`, `?example=ID`, `?lang=en|zh-CN`, and `#share=…` (a whole session). The
// address is anyone's to write, so each value is checked against its shape and only the checked
// value is passed on; anything unknown or malformed becomes a short line in `problems` (for a
// notice), quoted and cut to a safe length. Pure: no React, no DOM, no lookups — whether a lesson
// or an example with that id exists is for the caller to say.
import { t } from '../i18n/i18n'
import { LANGUAGES, type Language } from '../i18n/i18n'
import {
  decodeShare,
  ID_PATTERN,
  MAX_LESSON_STEP,
  SHARE_PARAM,
  type ShareError,
  type SharedSession,
} from './share/shareLink'

export interface Launch {
  embed: boolean
  present: boolean
  lesson?: string
  /** As written in the address: counts from 1, as the lesson panel numbers steps. */
  step?: number
  example?: string
  lang?: Language
  /** The session a `#share=` link carries… */
  share?: SharedSession
  /** …or why it could not be read. */
  shareError?: ShareError
  /** One line per parameter ignored, in the page's language; at most MAX_PROBLEMS (+ a count). */
  problems: string[]
}

/** Problems listed one by one; the rest are counted. */
export const MAX_PROBLEMS = 5
/** Characters of a parameter's name or value quoted in a problem. */
const MAX_QUOTED = 40

const QUERY_PARAMS = ['embed', 'present', 'lesson', 'step', 'example', 'lang'] as const
type QueryParam = (typeof QUERY_PARAMS)[number]

export function parseLaunch(url: string): Launch {
  const problems: string[] = []
  const launch: Launch = { embed: false, present: false, problems: [] }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return launch // not an address at all: nothing was asked for
  }

  const values = firstValues(parsed.searchParams, problems)
  const flag = (name: 'embed' | 'present'): boolean => {
    const v = values.get(name)
    if (v === undefined) return false
    if (v === '' || v === '1' || v === 'true') return true
    if (v !== '0' && v !== 'false') problems.push(invalid(name, v, t('share:launch.expected.flag')))
    return false
  }
  launch.embed = flag('embed')
  launch.present = flag('present')

  const id = (name: 'lesson' | 'example'): string | undefined => {
    const v = values.get(name)
    if (v === undefined) return undefined
    if (ID_PATTERN.test(v)) return v
    problems.push(invalid(name, v, t('share:launch.expected.id')))
    return undefined
  }
  const lesson = id('lesson')
  if (lesson) launch.lesson = lesson
  const example = id('example')
  if (example) launch.example = example

  const step = values.get('step')
  if (step !== undefined) {
    if (!/^\d{1,3}$/.test(step) || Number(step) > MAX_LESSON_STEP)
      problems.push(invalid('step', step, t('share:launch.expected.step', { max: MAX_LESSON_STEP })))
    else if (!lesson) problems.push(t('share:launch.stepWithoutLesson'))
    else launch.step = Number(step)
  }

  const lang = values.get('lang')
  if (lang !== undefined) {
    if ((LANGUAGES as readonly string[]).includes(lang)) launch.lang = lang as Language
    else problems.push(invalid('lang', lang, t('share:launch.expected.lang')))
  }

  const data = shareData(parsed.hash)
  if (data !== undefined) {
    const decoded = decodeShare(data)
    if (decoded.ok) launch.share = decoded.session
    else launch.shareError = decoded.error
  }

  launch.problems =
    problems.length > MAX_PROBLEMS
      ? [
          ...problems.slice(0, MAX_PROBLEMS),
          t('share:launch.more', { count: problems.length - MAX_PROBLEMS }),
        ]
      : problems
  return launch
}

/** The address without its `share=` fragment parameter (what a reload should not reopen). */
export function withoutShare(url: string): string {
  const hash = url.indexOf('#')
  if (hash < 0) return url
  const rest = url
    .slice(hash + 1)
    .split('&')
    .filter((part) => part !== SHARE_PARAM && !part.startsWith(`${SHARE_PARAM}=`))
  return rest.length ? `${url.slice(0, hash)}#${rest.join('&')}` : url.slice(0, hash)
}

/** The first value of each known parameter; unknown and repeated ones are reported. */
function firstValues(params: URLSearchParams, problems: string[]): Map<QueryParam, string> {
  const values = new Map<QueryParam, string>()
  const reported = new Set<string>()
  for (const [name, value] of params) {
    if (!(QUERY_PARAMS as readonly string[]).includes(name)) {
      if (!reported.has(name)) problems.push(t('share:launch.unknown', { name: quote(name, false) }))
      reported.add(name)
    } else if (values.has(name as QueryParam)) {
      if (!reported.has(name)) problems.push(t('share:launch.duplicate', { name }))
      reported.add(name)
    } else values.set(name as QueryParam, value)
  }
  return values
}

/**
 * The `share=` value of the fragment (`#share=…`, or among `&`-separated parts), if any. The
 * data's alphabet needs no escaping, but a link pasted through some programs comes back
 * percent-encoded; a value that does not decode is left as it is (and fails its checksum).
 */
function shareData(hash: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === SHARE_PARAM) return ''
    if (!part.startsWith(`${SHARE_PARAM}=`)) continue
    const raw = part.slice(SHARE_PARAM.length + 1)
    if (!raw.includes('%')) return raw
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

function invalid(name: QueryParam, value: string, expected: string): string {
  return t('share:launch.invalid', { name, value: quote(value, true), expected })
}

/** A value as it may appear in a notice: JSON-quoted (control characters escaped) and cut short. */
function quote(text: string, quotes: boolean): string {
  const cut = [...text].length > MAX_QUOTED ? `${[...text].slice(0, MAX_QUOTED).join('')}…` : text
  const json = JSON.stringify(cut)
  return quotes ? json : json.slice(1, -1)
}

// A session in a link: its seed, actions, clock and editor text as JSON, compressed with
// lz-string into the URL's fragment (`#share=…`), which browsers never send to a server. Opening a
// link is opening data someone else wrote: decoding never throws and never evaluates anything
// (JSON.parse, then a check of every field), and everything past the limits below is refused
// with a message saying why. A checksum of the JSON rides along, so a link damaged in transit is
// refused instead of opening a different session.
// The default import (module.exports): lz-string is CommonJS, and Node's ESM loader (the e2e
// specs build links with this module) offers no named exports for it.
import lzString from 'lz-string'
import type { RecordedAction } from '../clusterSession'
import { MAX_MANIFEST_BYTES, utf8Length } from '../../manifest/limits'
import { t } from '../../i18n/i18n'
import { lzDecodeUriComponent } from './lzDecode'

export const SHARE_VERSION = 1
/** The fragment parameter: `#share=<data>.<checksum>`. */
export const SHARE_PARAM = 'share'

// Limits, stated in the README ("Share and export"). A link is read by browsers, chat apps and
// mail programs: past a few thousand characters some of them cut it, and past 200,000 opening
// it is slow for no learner's benefit. The unpacked JSON is capped so a small link cannot expand
// into a tab-freezing one; actions and their texts are held to what the app itself accepts.
/** Characters of the fragment value (after `share=`). */
export const MAX_LINK_CHARS = 200_000
/** UTF-8 bytes of the unpacked JSON. */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024
/** Recorded actions in one session. */
export const MAX_ACTIONS = 5_000
/** Simulated time a shared session may span: a week (replaying it takes a few seconds). */
export const MAX_SIMULATED_MS = 7 * 24 * 60 * 60 * 1000
/** A lesson step index, as lessons count them. */
export const MAX_LESSON_STEP = 999

export const ID_PATTERN = /^[a-z0-9-]{1,40}$/

export interface LessonPosition {
  id: string
  /** The step's index, from 0 (LessonRun.step). */
  step: number
}

/** What a link carries. Everything else about the page (speed, console) starts fresh. */
export interface SharedSession {
  seed: number
  actions: RecordedAction[]
  /** The furthest moment computed (the scrubber's end) and the moment shown. */
  end: number
  now: number
  editorText: string
  lesson?: LessonPosition
}

export type ShareErrorKind = 'empty' | 'tooLong' | 'damaged' | 'tooLarge' | 'version' | 'invalid'

export interface ShareError {
  kind: ShareErrorKind
  /** Says what is wrong, in the page's language. */
  message: string
}

export type DecodeResult = { ok: true; session: SharedSession } | { ok: false; error: ShareError }
export type EncodeResult = { ok: true; data: string } | { ok: false; error: ShareError }

/** The fragment value for a session (`<data>.<checksum>`), or why it cannot be a link. */
export function encodeShare(session: SharedSession): EncodeResult {
  const problem = checkSession(session)
  // A session the app made is well-formed; only its size can keep it out of a link.
  if (problem) return encodeTooLarge(problem)
  const json = JSON.stringify(toPayload(session))
  const bytes = utf8Length(json)
  if (bytes > MAX_UNPACKED_BYTES)
    return encodeTooLarge(t('share:link.errors.encodeDetail.size', { max: formatBytes(MAX_UNPACKED_BYTES) }))
  const data = `${lzString.compressToEncodedURIComponent(json)}.${checksum(json)}`
  if (data.length > MAX_LINK_CHARS)
    return encodeTooLarge(
      t('share:link.errors.encodeDetail.chars', {
        chars: formatCount(data.length),
        max: formatCount(MAX_LINK_CHARS),
      }),
    )
  return { ok: true, data }
}

/** `pageUrl` without its fragment, plus `#share=…`. */
export function shareUrl(pageUrl: string, data: string): string {
  const hash = pageUrl.indexOf('#')
  return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${SHARE_PARAM}=${data}`
}

/** Reads a fragment value written by encodeShare. Never throws. */
export function decodeShare(data: string): DecodeResult {
  if (data.length === 0) return fail('empty', t('share:link.errors.empty'))
  if (data.length > MAX_LINK_CHARS)
    return fail(
      'tooLong',
      t('share:link.errors.tooLong', { chars: formatCount(data.length), max: formatCount(MAX_LINK_CHARS) }),
    )
  const dot = data.lastIndexOf('.')
  if (dot < 0) return damaged('noChecksum')
  const sum = data.slice(dot + 1)
  if (!/^[0-9a-f]{8}$/.test(sum)) return damaged('noChecksum')
  // Bytes are at least characters, so a decoder stopped at MAX_UNPACKED_BYTES characters is enough.
  const unpacked = lzDecodeUriComponent(data.slice(0, dot), MAX_UNPACKED_BYTES)
  if (!unpacked.ok) {
    if (unpacked.reason === 'tooLarge') return tooLarge()
    return damaged(unpacked.reason)
  }
  const json = unpacked.text
  if (utf8Length(json) > MAX_UNPACKED_BYTES) return tooLarge()
  if (checksum(json) !== sum) return damaged('checksum')
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return damaged('json')
  }
  return readPayload(value)
}

interface Payload extends SharedSession {
  v: typeof SHARE_VERSION
}

/** A fresh object with only the known fields, in a fixed order (the raw input is never kept). */
function toPayload(s: SharedSession): Payload {
  return {
    v: SHARE_VERSION,
    seed: s.seed,
    actions: s.actions.map((a) => ({ at: a.at, kind: a.kind, text: a.text })),
    end: s.end,
    now: s.now,
    editorText: s.editorText,
    ...(s.lesson ? { lesson: { id: s.lesson.id, step: s.lesson.step } } : {}),
  }
}

function readPayload(value: unknown): DecodeResult {
  if (!isRecord(value)) return invalid(t('share:link.errors.reason.notObject'))
  if (value.v !== SHARE_VERSION) {
    if (typeof value.v !== 'number') return invalid(t('share:link.errors.reason.notObject'))
    return fail(
      'version',
      t('share:link.errors.version', { version: String(value.v).slice(0, 20), current: SHARE_VERSION }),
    )
  }
  const problem = checkSession(value)
  if (problem) return invalid(problem)
  const { v: _v, ...session } = toPayload(value as unknown as SharedSession)
  return { ok: true, session }
}

/** Why `s` cannot be shared (or opened), field by field, in words; undefined when it is fine. */
function checkSession(s: Record<string, unknown> | SharedSession): string | undefined {
  const r = s as Record<string, unknown>
  if (!Number.isSafeInteger(r.seed)) return t('share:link.errors.reason.seed')
  const { end, now } = r
  if (!isTime(end) || !isTime(now) || now > end) return t('share:link.errors.reason.clock')
  if (typeof r.editorText !== 'string') return t('share:link.errors.reason.editorText')
  if (!Array.isArray(r.actions)) return t('share:link.errors.reason.actions')
  const actions: unknown[] = r.actions
  if (actions.length > MAX_ACTIONS)
    return t('share:link.errors.reason.tooManyActions', {
      actions: formatCount(actions.length),
      max: formatCount(MAX_ACTIONS),
    })
  let previous = 0
  for (const [i, a] of actions.entries()) {
    const index = i + 1
    if (
      !isRecord(a) ||
      !isTime(a.at) ||
      (a.kind !== 'apply' && a.kind !== 'command') ||
      typeof a.text !== 'string'
    )
      return t('share:link.errors.reason.action', { index })
    if (a.at < previous) return t('share:link.errors.reason.actionOrder', { index })
    if (a.at > end) return t('share:link.errors.reason.actionTime', { index })
    const size = utf8Length(a.text)
    if (size > MAX_MANIFEST_BYTES)
      return t('share:link.errors.reason.actionSize', {
        index,
        size: formatBytes(size),
        max: formatBytes(MAX_MANIFEST_BYTES),
      })
    previous = a.at
  }
  if (r.lesson !== undefined) {
    const l = r.lesson
    if (
      !isRecord(l) ||
      typeof l.id !== 'string' ||
      !ID_PATTERN.test(l.id) ||
      !Number.isInteger(l.step) ||
      (l.step as number) < 0 ||
      (l.step as number) > MAX_LESSON_STEP
    )
      return t('share:link.errors.reason.lesson')
  }
  return undefined
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_SIMULATED_MS
}

function invalid(reason: string): { ok: false; error: ShareError } {
  return fail('invalid', t('share:link.errors.invalid', { reason }))
}

type DamageDetail = 'badCharacter' | 'truncated' | 'corrupt' | 'checksum' | 'noChecksum' | 'json'

function damaged(detail: DamageDetail): { ok: false; error: ShareError } {
  return fail('damaged', t('share:link.errors.damaged', { detail: t(`share:link.errors.detail.${detail}`) }))
}

function tooLarge(): { ok: false; error: ShareError } {
  return fail('tooLarge', t('share:link.errors.tooLarge', { max: formatBytes(MAX_UNPACKED_BYTES) }))
}

function encodeTooLarge(detail: string): EncodeResult {
  return fail('tooLarge', t('share:link.errors.encodeTooLarge', { detail }))
}

function fail(kind: ShareErrorKind, message: string): { ok: false; error: ShareError } {
  return { ok: false, error: { kind, message } }
}

/** FNV-1a (32-bit) over the UTF-16 code units, as 8 hex digits: catches damage, not forgery. */
export function checksum(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024)
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
  }
  return `${Math.ceil(bytes / 1024)} KB`
}

// One StatefulSet's part of the scene: its bar, then rows of slot columns. A column is the slot's
// identity stacked top to bottom: DNS signpost, the slot with its tenant pod, claims, volumes.
import { currentLanguage, t as translate } from '../i18n/i18n'
import { stack, type Box, type Caption, type SetGeometry, type SlotGeometry } from './geometry'
import type { SetView } from './model'
import { COMPACT, DETAIL, type Tier, type TierSize } from './sizes'

/** Full cards up to 12 slots; compact ones beyond, so hundreds of pods stay a readable grid. */
export function tierOf(slots: number): Tier {
  return slots <= 12 ? 'detail' : 'compact'
}

/** Columns per row: a single row up to 6, two balanced rows up to 12, then 10 a row. */
export function columnsPerRow(slots: number): number {
  if (slots <= 6) return Math.max(1, slots)
  if (slots <= 12) return Math.ceil(slots / 2)
  return 10
}

/** Height of a slot column holding `claims` claim/volume pairs. */
export function columnHeight(t: TierSize, claims: number): number {
  const k = Math.max(1, claims)
  const stacked = (h: number) => k * h + (k - 1) * t.stackGap
  return t.dnsH + t.dnsGap + t.frameH + t.mountGap + stacked(t.claimH) + t.bindGap + stacked(t.volumeH)
}

type SetLayout = { readonly geo: SetGeometry; readonly width: number; readonly height: number }

/**
 * The last layout of each set, reused while its slots, claim depth, position and language are the
 * same: positions do not depend on what the tenants are doing, and laying out 3,000 slots every
 * frame was a tenth of it (and much of its garbage).
 */
const laidOut = new Map<
  string,
  { y0: number; k: number; lang: string; keys: readonly string[]; layout: SetLayout }
>()

export function layoutSet(set: SetView, y0: number): SetLayout {
  const k = Math.max(1, ...set.slots.map((s) => s.claims.length))
  const lang = currentLanguage()
  const known = laidOut.get(set.key)
  if (
    known?.y0 === y0 &&
    known.k === k &&
    known.lang === lang &&
    known.keys.length === set.slots.length &&
    set.slots.every((s, i) => s.key === known.keys[i])
  )
    return known.layout
  const layout = placeSlots(set, y0, k)
  if (laidOut.size > 32) laidOut.clear()
  laidOut.set(set.key, { y0, k, lang, keys: set.slots.map((s) => s.key), layout })
  return layout
}

function placeSlots(set: SetView, y0: number, k: number): SetLayout {
  const tier = tierOf(set.slots.length)
  const t = tier === 'detail' ? DETAIL : COMPACT
  const perRow = columnsPerRow(set.slots.length)
  const colH = columnHeight(t, k)
  const rowsY = y0 + t.barH + t.barGap
  const rows = Math.ceil(set.slots.length / perRow)
  const slots = new Map<string, SlotGeometry>()
  set.slots.forEach((slot, i) => {
    const x = t.gutter + (i % perRow) * (t.colW + t.colGap)
    const top = rowsY + Math.floor(i / perRow) * (colH + t.rowGap)
    const frameY = top + t.dnsH + t.dnsGap
    const claimsY = frameY + t.frameH + t.mountGap
    const volumesY = claimsY + k * (t.claimH + t.stackGap) - t.stackGap + t.bindGap
    const inner = t.colW - 2 * t.podInset
    const pod: Box = {
      x: x + t.podInset,
      y: frameY + t.frameLabel,
      w: inner,
      h: t.frameH - t.frameLabel - t.podInset,
    }
    slots.set(slot.key, {
      dns: { x: x + 4, y: top, w: t.colW - 8, h: t.dnsH },
      frame: { x, y: frameY, w: t.colW, h: t.frameH },
      pod,
      claims: stack(x + t.podInset, claimsY, inner, t.claimH, k, t.stackGap),
      volumes: stack(x + t.volumeInset, volumesY, t.colW - 2 * t.volumeInset, t.volumeH, k, t.stackGap),
    })
  })
  const captions: Caption[] = []
  const rowsWithCaptions = tier === 'detail' ? rows : 0
  for (let r = 0; r < rowsWithCaptions; r++) {
    const top = rowsY + r * (colH + t.rowGap)
    const at = (what: 'dns' | 'slot' | 'claim' | 'volume', dy: number) =>
      captions.push({
        key: `${set.key}/${r}/${what}`,
        text: translate(`canvas.captions.${what}`),
        x: 0,
        y: top + dy,
      })
    at('dns', t.dnsH / 2)
    at('slot', t.dnsH + t.dnsGap + t.frameH / 2)
    at('claim', t.dnsH + t.dnsGap + t.frameH + t.mountGap + t.claimH / 2)
    at('volume', colH - t.volumeH / 2)
  }
  const width = t.gutter + Math.min(perRow, Math.max(1, set.slots.length)) * (t.colW + t.colGap) - t.colGap
  const height = t.barH + (rows > 0 ? t.barGap + rows * (colH + t.rowGap) - t.rowGap : 0)
  return { geo: { tier, bar: { x: 0, y: y0, w: width, h: t.barH }, slots, captions }, width, height }
}

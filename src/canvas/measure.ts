// Text widths for fitting labels: measured with a canvas 2D context in the page's real fonts
// (read from the canvas's --oc-sans / --oc-mono), or estimated (generously) without a DOM.
export type FontKind = 'sans' | 'bold' | 'mono' | 'monobold'

const EM: Record<FontKind, number> = { sans: 0.6, bold: 0.68, mono: 0.61, monobold: 0.61 }
/** CJK ideographs, kana, Hangul and full-width forms: about one em wide each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu
const fonts = { sans: 'sans-serif', mono: 'monospace' }
let context: CanvasRenderingContext2D | null | undefined
const cache = new Map<string, number>()

/** Uses the fonts an element resolves (call once the canvas's stylesheet applies). */
export function adoptFontsOf(el: Element): void {
  const style = getComputedStyle(el)
  fonts.sans = style.getPropertyValue('--oc-sans').trim() || fonts.sans
  fonts.mono = style.getPropertyValue('--oc-mono').trim() || fonts.mono
  cache.clear()
  monoAdvance.clear()
}

/** Printable ASCII, Latin-1 and the few symbols the canvas prints (– — … →): one advance each in a mono font. */
const MONO_EVEN = /^[\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2026\u2192]*$/
/** Advance of one character of the mono fonts at 1px, measured once per font. */
const monoAdvance = new Map<FontKind, number>()

export function textWidth(text: string, px: number, font: FontKind = 'sans'): number {
  if (context === undefined)
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!context) {
    const wide = text.match(WIDE)?.length ?? 0
    return ((text.length - wide) * EM[font] + wide) * px
  }
  // DNS names and address lists are long, unique and mono: fitting them (drawServices' "+N more")
  // measured a new string per try, the largest text cost at 300 pods. In a mono font it is arithmetic.
  if ((font === 'mono' || font === 'monobold') && MONO_EVEN.test(text)) {
    let advance = monoAdvance.get(font)
    if (advance === undefined) {
      context.font = `${font === 'monobold' ? 700 : 400} 100px ${fonts.mono}`
      advance = context.measureText('0'.repeat(10)).width / 1000
      monoAdvance.set(font, advance)
    }
    return text.length * advance * px
  }
  const key = `${font}/${px}/${text}`
  let w = cache.get(key)
  if (w === undefined) {
    const family = font === 'mono' || font === 'monobold' ? fonts.mono : fonts.sans
    context.font = `${font === 'bold' || font === 'monobold' ? 700 : 400} ${px}px ${family}`
    w = context.measureText(text).width
    if (cache.size > 5000) cache.clear()
    cache.set(key, w)
  }
  return w
}

/** `text` cut to fit `maxPx`, with an ellipsis at the end (or in the middle). */
export function fitText(
  text: string,
  maxPx: number,
  px: number,
  font: FontKind,
  where: 'end' | 'middle',
): string {
  if (textWidth(text, px, font) <= maxPx) return text
  const cut = (n: number) => {
    if (where === 'end') return `${text.slice(0, Math.max(1, n))}…`
    const head = Math.ceil(n * 0.55)
    return `${text.slice(0, head)}…${text.slice(text.length - (n - head))}`
  }
  let n = Math.floor((text.length * maxPx) / textWidth(text, px, font))
  while (n > 1 && textWidth(cut(n), px, font) > maxPx) n--
  return cut(n)
}

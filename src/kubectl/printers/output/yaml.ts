// `kubectl get -o yaml`: sigs.k8s.io/yaml.Marshal, i.e. JSON → gopkg.in/yaml.v2. Reproduced here
// rather than with js-yaml because the details learners see differ: yaml.v2's key order (letters
// after punctuation, numbers compared numerically), `"0"` / `"true"` / timestamps double-quoted,
// text with `: ` or a leading `{` single-quoted, plain and quoted scalars folded after column 80,
// multi-line text as `|` blocks, and sequences not indented under their key. Covers the JSON data
// model only (maps, lists, strings, numbers, booleans, null), which is all kubectl ever emits.
import { goFloatG } from './goFormat'
import { type JsonValue, isObject } from './unstructured'
import { analyzeScalar, canUsePlain, isPrintable } from './yamlScalar'

const BEST_WIDTH = 80
const BEST_INDENT = 2

export function printYaml(value: JsonValue): string {
  const e = new Emitter()
  e.document(value)
  return e.finish()
}

const isLetter = (c: string) => /\p{L}/u.test(c)
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c)

/** yaml.v2 keyList.Less for string keys: a "natural" order (`web-2` before `web-10`). */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i]!)
    const bl = isLetter(br[i]!)
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 48)
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 48)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!
  }
  return ar.length < br.length
}

const yamlKeyOrder = (a: string, b: string) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0)

type Style = 'plain' | 'single' | 'double' | 'literal'

class Emitter {
  private out = ''
  private column = 0

  finish(): string {
    return this.atLineStart() ? this.out : `${this.out}\n`
  }

  document(v: JsonValue): void {
    if (Array.isArray(v) && v.length > 0) this.sequence(v, 0, true)
    else if (isObject(v) && Object.keys(v).length > 0) this.mapping(v, 0, true)
    else this.scalar(v, BEST_INDENT, false)
  }

  private atLineStart(): boolean {
    return this.out === '' || this.out.endsWith('\n')
  }

  private put(s: string): void {
    this.out += s
    this.column += [...s].length
  }

  /** yaml_emitter_write_indent: a new line unless already at the start of one, then the indent. */
  private writeIndent(indent: number): void {
    if (!this.atLineStart()) this.out += '\n'
    this.out += ' '.repeat(indent)
    this.column = indent
  }

  private mapping(m: { [key: string]: JsonValue }, indent: number, inline: boolean): void {
    Object.keys(m)
      .sort(yamlKeyOrder)
      .forEach((key, i) => {
        if (!(i === 0 && inline)) this.writeIndent(indent)
        this.scalar(key, indent + BEST_INDENT, true)
        this.put(':')
        const v = m[key]!
        if (Array.isArray(v) && v.length > 0) this.sequence(v, indent, false)
        else if (isObject(v) && Object.keys(v).length > 0) this.mapping(v, indent + BEST_INDENT, false)
        else {
          this.put(' ')
          this.scalar(v, indent + BEST_INDENT, false)
        }
      })
  }

  /** Block sequence at `indent`; inside a mapping the dashes sit at the key's column. */
  private sequence(items: JsonValue[], indent: number, inline: boolean): void {
    items.forEach((item, i) => {
      if (!(i === 0 && inline)) this.writeIndent(indent)
      this.put('- ')
      if (Array.isArray(item) && item.length > 0) this.sequence(item, indent + BEST_INDENT, true)
      else if (isObject(item) && Object.keys(item).length > 0) this.mapping(item, indent + BEST_INDENT, true)
      else this.scalar(item, indent + BEST_INDENT, false)
    })
  }

  private scalar(v: JsonValue, indent: number, simpleKey: boolean): void {
    if (v === null) return this.put('null')
    if (typeof v === 'boolean') return this.put(String(v))
    if (typeof v === 'number') return this.put(Number.isInteger(v) ? String(v) : formatFloat(v))
    if (Array.isArray(v)) return this.put('[]')
    if (typeof v !== 'string') return this.put('{}')
    const style = selectStyle(v, simpleKey)
    const allowBreaks = !simpleKey
    if (style === 'plain') this.writePlain(v, indent, allowBreaks)
    else if (style === 'single') this.writeSingle(v, indent, allowBreaks)
    else if (style === 'double') this.writeDouble(v, indent, allowBreaks)
    else this.writeLiteral(v, indent)
  }

  private writePlain(s: string, indent: number, allowBreaks: boolean): void {
    const chars = [...s]
    let spaces = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ')
          this.writeIndent(indent)
        else this.put(c)
        spaces = true
      } else {
        this.put(c)
        spaces = false
      }
    })
  }

  private writeSingle(s: string, indent: number, allowBreaks: boolean): void {
    this.put("'")
    const chars = [...s]
    let spaces = false
    let breaks = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i !== 0 &&
          i !== chars.length - 1 &&
          chars[i + 1] !== ' '
        )
          this.writeIndent(indent)
        else this.put(c)
        spaces = true
      } else if (c === '\n') {
        if (!breaks) this.newline()
        this.newline()
        breaks = true
      } else {
        if (breaks) this.writeIndent(indent)
        this.put(c === "'" ? "''" : c)
        spaces = false
        breaks = false
      }
    })
    this.put("'")
  }

  private writeDouble(s: string, indent: number, allowBreaks: boolean): void {
    this.put('"')
    const chars = [...s]
    let spaces = false
    chars.forEach((c, i) => {
      const cp = c.codePointAt(0)!
      if (!isPrintable(c) || cp === 0xfeff || isBreakChar(c) || c === '"' || c === '\\') {
        this.put(`\\${escapeLetter(cp)}`)
        spaces = false
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent(indent)
          if (chars[i + 1] === ' ') this.put('\\')
        } else this.put(c)
        spaces = true
      } else {
        this.put(c)
        spaces = false
      }
    })
    this.put('"')
  }

  /** `|`, `|-` or `|+` (and an indentation hint before leading space), lines at `indent`. */
  private writeLiteral(s: string, indent: number): void {
    let hints = s.startsWith(' ') || isBreakChar(s[0]) ? String(BEST_INDENT) : ''
    if (!s.endsWith('\n')) hints += '-'
    else if (s.length === 1 || s.endsWith('\n\n')) hints += '+'
    this.put(`|${hints}`)
    this.newline()
    let atBreak = true
    for (const c of s) {
      if (c === '\n') {
        this.newline()
        atBreak = true
      } else {
        if (atBreak) this.writeIndent(indent)
        this.put(c)
        atBreak = false
      }
    }
  }

  private newline(): void {
    this.out += '\n'
    this.column = 0
  }
}

function isBreakChar(c: string | undefined): boolean {
  return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
}

/** yaml_emitter_select_scalar_style after encode.go stringv picked plain, literal or double. */
function selectStyle(s: string, simpleKey: boolean): Style {
  const a = analyzeScalar(s)
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain(s) ? 'plain' : 'double'
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain' && (!a.blockPlainAllowed || (s === '' && simpleKey))) style = 'single'
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

function escapeLetter(cp: number): string {
  const named: Record<number, string> = {
    0: '0',
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    0x1b: 'e',
    0x22: '"',
    0x5c: '\\',
    0x85: 'N',
    0xa0: '_',
    0x2028: 'L',
    0x2029: 'P',
  }
  if (named[cp] !== undefined) return named[cp]
  const hex = cp.toString(16).toUpperCase()
  return cp <= 0xff
    ? `x${hex.padStart(2, '0')}`
    : cp <= 0xffff
      ? `u${hex.padStart(4, '0')}`
      : `U${hex.padStart(8, '0')}`
}

/** encode.go floatv: FormatFloat 'g' -1, with YAML's spellings of the specials. */
function formatFloat(f: number): string {
  const s = goFloatG(f)
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s
}

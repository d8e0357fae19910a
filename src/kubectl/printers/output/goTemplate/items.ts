// The lexer's items (text/template/parse/lex.go's item and itemType) and how Go prints them in
// parse errors: item.String() and fmt's %#U for runes.
import { goQuote } from '../goFormat'

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // Keywords.
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with'

export const KEYWORDS = new Map<string, ItemType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
])
const KEYWORD_TYPES = new Set(KEYWORDS.values())

export interface Item {
  typ: ItemType
  pos: number
  val: string
  line: number
}

/** item.String(): `EOF`, the error text, `<keyword>`, or the quoted value (10 runes at most). */
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF'
  if (i.typ === 'error') return i.val
  if (KEYWORD_TYPES.has(i.typ)) return `<${i.val}>`
  if (utf8Length(i.val) > 10) return `${goQuote([...i.val].slice(0, 10).join(''))}...`
  return goQuote(i.val)
}

export function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** fmt's %#U: `U+007D '}'` (the character only when printable). */
export function formatRuneU(r: number): string {
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`
  return isPrint(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex
}

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  return r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r))
}

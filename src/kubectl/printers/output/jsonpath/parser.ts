// k8s.io/client-go/util/jsonpath parser.go and node.go: `{…}` actions inside literal text, fields,
// `[n]` `[a:b:c]` `[*]` `[a,b]` `['key']`, `[?(@.x=="y")]` filters, `..` recursion, quoted text
// (`{"\n"}`), numbers, true/false and the range/end identifiers. Error texts are kubectl's.

export type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }

export type ListNode = Extract<Node, { type: 'list' }>

export interface Param {
  value: number
  known: boolean
  derived?: boolean
}

export class JsonPathParseError extends Error {}

const isTerminator = (r: string | undefined) => r === undefined || ' \t\r\n.,[]$@{}'.includes(r)
const isAlphaNumeric = (r: string | undefined) => r !== undefined && (r === '_' || /[\p{L}\p{Nd}]/u.test(r))
const isDigit = (r: string) => /\p{Nd}/u.test(r)

/** Parse(name, text): the root list of text and action nodes, or a JsonPathParseError. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse()
}

class Parser {
  private readonly root: ListNode = { type: 'list', nodes: [] }
  private pos = 0
  private start = 0
  private width = 0

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root)
    return this.root
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.width = 0
      return undefined
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += this.width
    return r
  }

  private peek(): string | undefined {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return value
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        this.pos += 1
        this.consumeText()
        const action: ListNode = { type: 'list', nodes: [] }
        cur.nodes.push(action)
        return this.parseInsideAction(action)
      }
      if (this.next() === undefined) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consumeText()
        return this.parseText(this.root)
      }
      if (rest.startsWith('[?(')) return this.parseFilter(cur)
      if (rest.startsWith('..')) return this.parseRecursive(cur)
      const r = this.next()
      if (r === undefined || r === '\r' || r === '\n') throw new JsonPathParseError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText()
        continue
      }
      if (r === '[') return this.parseArray(cur)
      if (r === '"' || r === "'") return this.parseQuote(cur, r)
      if (r === '.') return this.parseField(cur)
      if (r === '+' || r === '-' || isDigit(r)) {
        this.backup()
        return this.parseNumber(cur)
      }
      if (isAlphaNumeric(r)) {
        this.backup()
        return this.parseIdentifier(cur)
      }
      throw new JsonPathParseError(`unrecognized character in action: ${goRuneU(r)}`)
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
    this.parseInsideAction(cur)
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive')
      throw new JsonPathParseError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) return this.parseField(cur)
    this.parseInsideAction(cur)
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c === undefined || (c !== '.' && !isDigit(c))) {
        if (c !== undefined) this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) })
    else throw new JsonPathParseError(`cannot parse number ${value}`)
    this.parseInsideAction(cur)
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const c = this.next()
      if (c === undefined || c === '\n') throw new JsonPathParseError('unterminated array')
      if (c === ']') break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((p) => parseAction(`[${p.trim()}]`)) })
      return this.parseInsideAction(cur)
    }
    const dictKey = /^'([^']*)'$/.exec(text)
    if (dictKey) {
      cur.nodes.push(...parseAction(`.${dictKey[1]}`).nodes)
      return this.parseInsideAction(cur)
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`)
    const params: [Param, Param, Param] = [
      { value: 0, known: false },
      { value: 0, known: false },
      { value: 0, known: false },
    ]
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params[i] = { value: 0, known: false }
        else if (!/^-?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`)
        else params[i] = { value: Number(v), known: true }
      } else if (i === 1) {
        params[i] = { value: params[0].value + 1, known: true, derived: true }
      }
    }
    cur.nodes.push({ type: 'array', params })
    this.parseInsideAction(cur)
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === undefined || r === '\n') throw new JsonPathParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) break
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text)
    if (!m)
      cur.nodes.push({
        type: 'filter',
        left: parseAction(text),
        right: { type: 'list', nodes: [] },
        operator: 'exists',
      })
    else
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! })
    this.parseInsideAction(cur)
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const c = this.next()
      if (c === undefined || c === '\n') throw new JsonPathParseError('unterminated quoted string')
      if (c === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) })
    this.parseInsideAction(cur)
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    for (;;) {
      const r = this.next()
      if (r === '\\') this.next()
      else if (isTerminator(r)) {
        if (r !== undefined) this.backup()
        break
      }
    }
    const value = this.consumeText()
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', value: value.replace(/\\/g, '') })
    this.parseInsideAction(cur)
  }
}

/** parseAction: `{text}` parsed on its own; its single action list. */
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`)
  return root.nodes[0] as ListNode
}

/** UnquoteExtend: strconv.Unquote (escapes per strconv.UnquoteChar), also for single quotes. */
function unquoteExtend(s: string): string {
  const quote = s[0]
  const bad = () => new JsonPathParseError(`unquote string ${s} error invalid syntax`)
  if (s.length < 2 || quote !== s[s.length - 1]) throw bad()
  const body = s.slice(1, -1)
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  }
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === quote) throw bad()
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i]
    if (e === undefined) throw bad()
    if (simple[e] !== undefined) out += simple[e]
    else if (e === quote)
      out += e // only the enclosing quote may be escaped
    else if (e === 'x' || e === 'u' || e === 'U' || /[0-7]/.test(e)) {
      const [n, base, from] =
        e === 'x' ? [2, 16, i + 1] : e === 'u' ? [4, 16, i + 1] : e === 'U' ? [8, 16, i + 1] : [3, 8, i]
      const digits = body.slice(from, from + n)
      if (
        digits.length !== n ||
        Number.isNaN(parseInt(digits, base)) ||
        !new RegExp(`^[${base === 8 ? '0-7' : '0-9a-fA-F'}]+$`).test(digits)
      )
        throw bad()
      out += String.fromCodePoint(parseInt(digits, base))
      i = from + n - 1
    } else throw bad()
  }
  return out
}

/** Go's %#U: `U+0021 '!'`. */
function goRuneU(r: string): string {
  return `U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`
}

// Two small scanners that tell goYaml.ts what js-yaml was in the middle of when it gave up on
// indentation: a quoted scalar (closed later, or never), or flow collections (`[`, `{`) — and,
// for those, where go-yaml's parser would stop: at the first token after an entry that is neither
// `,` nor the closing bracket (a new scalar, a `:` after a multi-line key, the end of input).
// Comments, quotes inside plain scalars (`it's`) and escapes are respected; block structure is not
// modelled beyond that.

export type QuoteState = { state: 'none' } | { state: 'open' | 'unclosed'; start: number }

const TOKEN_START = /[\s:\-[{,?]/

/**
 * Whether `offset` lies inside a quoted scalar: 'unclosed' if that scalar never ends, 'open' if
 * it ends later (go-yaml reads a multi-line quoted scalar without checking indentation).
 */
export function scanQuotes(body: string, offset: number): QuoteState {
  let i = 0
  while (i < body.length) {
    const c = body[i]!
    if (c === '#' && (i === 0 || /\s/.test(body[i - 1]!))) {
      const nl = body.indexOf('\n', i)
      if (nl < 0) return { state: 'none' }
      i = nl
    } else if ((c === '"' || c === "'") && startsToken(body, i)) {
      const end = closingQuote(body, i)
      if (end < 0) return offset >= i ? { state: 'unclosed', start: i } : { state: 'none' }
      if (offset > i && offset <= end) return { state: 'open', start: i }
      i = end
    }
    i++
  }
  return { state: 'none' }
}

/** A quote opens a quoted scalar only where a token may start (not inside `it's`). */
function startsToken(body: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && (body[j] === ' ' || body[j] === '\t')) j--
  return j < 0 || body[j] === '\n' || (TOKEN_START.test(body[j]!) && j < i - 1) || '[{,'.includes(body[j]!)
}

function closingQuote(body: string, open: number): number {
  const q = body[open]!
  for (let i = open + 1; i < body.length; i++) {
    const c = body[i]!
    if (q === '"' && c === '\\') i++
    else if (c === q) {
      if (q === "'" && body[i + 1] === "'") i++
      else return i
    }
  }
  return -1
}

interface Token {
  type: 'open' | 'close' | 'comma' | 'colon' | 'scalar' | 'other' | 'eof'
  char?: string
  offset: number
  /** 0-based lines where the token starts and ends. */
  line: number
  endLine: number
}

type Frame = { kind: '[' | '{'; state: 'entry' | 'afterKey' | 'value' | 'afterEntry'; keyMultiline?: boolean }

/**
 * Where go-yaml's parser stops in the first flow collection that js-yaml could not finish, as
 * `did not find expected ',' or ']'` (or `'}'`) at a 0-based line; undefined if it would not.
 */
export function scanFlow(
  body: string,
  eofLine: number,
): { line: number; message: string; opener: number } | undefined {
  const stack: Frame[] = []
  let opener = 0
  for (const t of flowTokens(body, eofLine)) {
    const top = stack[stack.length - 1]
    if (!top) {
      if (t.type === 'open') {
        stack.push({ kind: t.char as '[' | '{', state: 'entry' })
        opener = t.offset
      }
      if (t.type === 'eof') return undefined
      continue
    }
    const fail = () => ({
      opener,
      line: t.line,
      message:
        top.state === 'entry' || top.state === 'value'
          ? 'did not find expected node content'
          : `did not find expected ',' or '${top.kind === '[' ? ']' : '}'}'`,
    })
    switch (t.type) {
      case 'open':
        if (top.state === 'afterKey' || top.state === 'afterEntry') return fail()
        top.state = 'afterEntry'
        stack.push({ kind: t.char as '[' | '{', state: 'entry' })
        break
      case 'close':
        if (top.kind === '[' ? t.char !== ']' : t.char !== '}') return fail()
        stack.pop()
        if (stack.length === 0) return undefined
        break
      case 'comma':
        top.state = 'entry'
        break
      case 'colon':
        if (top.state === 'afterKey' && top.keyMultiline) return fail()
        if (top.state === 'afterEntry') return fail()
        top.state = 'value'
        break
      case 'scalar':
        if (top.state === 'afterKey' || top.state === 'afterEntry') return fail()
        if (top.state === 'value') top.state = 'afterEntry'
        else {
          top.state = 'afterKey'
          top.keyMultiline = t.endLine > t.line
        }
        break
      case 'other':
      case 'eof':
        return fail()
    }
  }
  return undefined
}

function* flowTokens(body: string, eofLine: number): Generator<Token> {
  let line = 0
  let depth = 0
  let i = 0
  const n = body.length
  while (i < n) {
    const c = body[i]!
    if (c === '\n') {
      line++
      i++
    } else if (c === ' ' || c === '\t' || c === '\r') i++
    else if (c === '#' && (i === 0 || /\s/.test(body[i - 1]!))) {
      while (i < n && body[i] !== '\n') i++
    } else if (depth === 0) {
      // Block context: only look for the first flow collection and quoted scalars to skip.
      if ((c === '[' || c === '{') && startsToken(body, i)) {
        depth++
        yield { type: 'open', char: c, offset: i, line, endLine: line }
      } else if ((c === '"' || c === "'") && startsToken(body, i)) {
        const end = closingQuote(body, i)
        if (end < 0) return
        line += count(body, i, end)
        i = end
      }
      i++
    } else if (c === '[' || c === '{') {
      depth++
      yield { type: 'open', char: c, offset: i, line, endLine: line }
      i++
    } else if (c === ']' || c === '}') {
      depth--
      yield { type: 'close', char: c, offset: i, line, endLine: line }
      i++
    } else if (c === ',') {
      yield { type: 'comma', offset: i, line, endLine: line }
      i++
    } else if (c === ':' && /[\s,[\]{}]/.test(body[i + 1] ?? ' ')) {
      yield { type: 'colon', offset: i, line, endLine: line }
      i++
    } else if (c === '"' || c === "'") {
      const end = closingQuote(body, i)
      if (end < 0) break
      const endLine = line + count(body, i, end)
      yield { type: 'scalar', offset: i, line, endLine }
      line = endLine
      i = end + 1
    } else if (c === '-' && /\s/.test(body[i + 1] ?? ' ')) {
      yield { type: 'other', offset: i, line, endLine: line }
      i++
    } else {
      // A plain scalar: runs over lines until an indicator, `: ` or ` #`.
      const start = i
      const startLine = line
      let endLine = line
      while (i < n) {
        const d = body[i]!
        if (',[]{}'.includes(d)) break
        if (d === ':' && /[\s,[\]{}]/.test(body[i + 1] ?? ' ')) break
        if (d === '#' && /\s/.test(body[i - 1] ?? ' ')) break
        if (d === '\n') line++
        else if (d !== ' ' && d !== '\t' && d !== '\r') endLine = line
        i++
      }
      yield { type: 'scalar', offset: start, line: startLine, endLine }
    }
  }
  yield { type: 'eof', offset: n, line: eofLine, endLine: eofLine }
}

function count(body: string, from: number, to: number): number {
  let k = 0
  for (let i = from; i < to; i++) if (body[i] === '\n') k++
  return k
}

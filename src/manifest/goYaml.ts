// js-yaml's syntax errors told in go-yaml's words (gopkg.in/yaml.v2, what sigs.k8s.io/yaml runs
// inside kubectl), with go-yaml's line: a scanner error names the 1-based line of the problem, a
// parser error the 0-based one (go-yaml's `parser.fail` adds one only for scanner errors), and an
// error on the first line, a reader error (control characters) or a decoder error (aliases) names
// none. The two parsers do not fail in the same places, so the mapping looks at the text where
// js-yaml stopped; an error it cannot place keeps js-yaml's wording (`mapped: false`). Checked
// against kubectl v1.32 on the cases in src/manifest/corpus.
import { scanFlow, scanQuotes } from './goYamlScan'

export interface GoYamlError {
  /** What follows `yaml: ` in kubectl's message, e.g. `line 4: found character that cannot start any token`. */
  text: string
  /** False when js-yaml's wording is kept because no faithful go-yaml message is known. */
  mapped: boolean
  /** Where the editor should mark it when that is not where js-yaml stopped: the unclosed quote or bracket. */
  offset?: number
}

export interface JsYamlFailure {
  reason: string
  /** 0-based line and column in the document, and the offset, of js-yaml's mark. */
  line: number
  column: number
  offset: number
}

const scanner = (line0: number, msg: string): string => (line0 === 0 ? msg : `line ${line0 + 1}: ${msg}`)
const parser = (line0: number, msg: string): string => (line0 === 0 ? msg : `line ${line0}: ${msg}`)
const mapped = (text: string): GoYamlError => ({ text, mapped: true })

const CANNOT_START = 'found character that cannot start any token'

/** go-yaml's message for the error js-yaml raised on `body` (one document; `eofLine` as in Chunk). */
export function toGoYaml(body: string, e: JsYamlFailure, eofLine: number): GoYamlError {
  const lineText = body.split('\n')[e.line] ?? ''
  const indentEnd = lineText.length - lineText.trimStart().length
  const ch = lineText[e.column] ?? ''
  const r = e.reason
  if (r === 'tab characters must not be used in indentation') return mapped(scanner(e.line, CANNOT_START))
  // go-yaml's reader, before any line is counted (lone surrogates never get here: stream.ts).
  if (r === 'the stream contains non-printable characters' || r === 'null byte is not allowed in input')
    return mapped('control characters are not allowed')
  if (
    r === 'bad indentation of a mapping entry' ||
    r === 'bad indentation of a sequence entry' ||
    r === 'end of the stream or a document separator is expected'
  ) {
    // A tab among the leading spaces is what go-yaml trips on first.
    if (/^ *\t/.test(lineText)) return mapped(scanner(e.line, CANNOT_START))
    if (e.column <= indentEnd) {
      // A line dedented to a column no collection is at: the parser wanted a key, or a `-` when
      // the list around it is indented (an indentless list just ends, and its mapping wanted a key).
      const lines = body.split('\n')
      if (
        r === 'bad indentation of a sequence entry' &&
        ch !== '-' &&
        !inIndentlessList(lines, e.line, e.column)
      )
        return mapped(parser(e.line, "did not find expected '-' indicator"))
      return mapped(parser(e.line, 'did not find expected key'))
    }
    if (ch === ':') return mapped(scanner(e.line, 'mapping values are not allowed in this context'))
    if (ch === '-' && /^-(\s|$)/.test(lineText.slice(e.column)))
      return mapped(scanner(e.line, 'block sequence entries are not allowed in this context'))
    if (ch === '@' || ch === '`' || ch === '%') return mapped(scanner(e.line, CANNOT_START))
    if (ch === ']' || ch === '}') return mapped(parser(e.line, 'did not find expected node content'))
    return mapped(parser(e.line, 'did not find expected key'))
  }
  if (
    r === 'deficient indentation' ||
    r === 'missed comma between flow collection entries' ||
    r.startsWith('unexpected end of the stream within') ||
    r.startsWith('unexpected end of the document within')
  ) {
    const quote = scanQuotes(body, e.offset)
    if (quote.state === 'unclosed')
      return { ...mapped(scanner(eofLine, 'found unexpected end of stream')), offset: quote.start }
    if (quote.state === 'open') return { text: scanner(e.line, r), mapped: false }
    const flow = scanFlow(body, eofLine)
    if (flow) return { ...mapped(parser(flow.line, flow.message)), offset: flow.opener }
    return { text: scanner(e.line, r), mapped: false }
  }
  const alias = /^unidentified alias "(.*)"$/.exec(r)
  if (alias) return mapped(`unknown anchor '${alias[1]}' referenced`)
  if (r.startsWith('name of an anchor node') || r.startsWith('name of an alias node'))
    return mapped(scanner(e.line, 'did not find expected alphabetic or numeric character'))
  if (r === 'unknown escape sequence') return mapped(scanner(e.line, 'found unknown escape character'))
  if (r === 'cannot merge mappings; the provided source object is unacceptable')
    return mapped('map merge requires map or sequence of maps as the value')
  const tag = /^cannot resolve a node with !<tag:yaml\.org,2002:(\w+)> explicit tag$/.exec(r)
  if (tag) {
    if (tag[1] === 'binary') return mapped('!!binary value contains invalid base64 data')
    const value = lineText
      .slice(e.column)
      .replace(/^!\S*\s*/, '')
      .trim()
    return mapped(`cannot decode !!str \`${value}\` as a !!${tag[1]}`)
  }
  return { text: scanner(e.line, r), mapped: false }
}

const indentOf = (line: string) => line.length - line.trimStart().length

/**
 * Whether the list item around line `at` (the nearest `- ` line above, left of `column`) belongs
 * to a list written at its key's own column (`containers:` then `- name:` under the `c`).
 */
function inIndentlessList(lines: readonly string[], at: number, column: number): boolean {
  let i = at - 1
  while (i >= 0 && !(/^\s*- /.test(lines[i]!) && indentOf(lines[i]!) < column)) i--
  if (i < 0) return false
  const dash = indentOf(lines[i]!)
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j]!
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    const indent = indentOf(line)
    if (indent < dash) return false
    if (indent === dash && !/^\s*-( |$)/.test(line)) return true
  }
  return false
}

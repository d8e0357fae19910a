import { describe, expect, it } from 'vitest'
import { nodeString } from './nodes'
import { FUNCS } from './funcs'
import { TemplateParseError, parseTemplate } from './parser'

const FUNC_NAMES = new Set(FUNCS.keys())
const parse = (text: string) => parseTemplate('output', text, FUNC_NAMES)

function parseError(text: string): string {
  try {
    parse(text)
  } catch (e) {
    if (e instanceof TemplateParseError) return e.message
    throw e
  }
  throw new Error(`${text} parsed`)
}

describe('the template parser', () => {
  it.each([
    ['plain text', 'plain text'],
    ['{{.a.b}}', '{{.a.b}}'],
    ['{{$.kind}}', '{{$.kind}}'],
    [
      '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}',
      '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}',
    ],
    ['{{if .a}}A{{else if .b}}B{{else}}C{{end}}', '{{if .a}}A{{else}}{{if .b}}B{{else}}C{{end}}{{end}}'],
    ['{{with .a}}x{{else with .b}}y{{end}}', '{{with .a}}x{{else}}{{with .b}}y{{end}}{{end}}'],
    ['{{ .a | printf "%s"   |  len }}', '{{.a | printf "%s" | len}}'],
    ['{{(index .items 0).metadata.name}}', '{{(index .items 0).metadata.name}}'],
    ['{{$x := 1}}{{$x = 2}}', '{{$x := 1}}{{$x := 2}}'],
    ['{{/* gone */}}a', 'a'],
    ['{{template "t" .}}', '{{template "t" .}}'],
  ])('parses %j back to %j', (text, printed) => {
    expect(nodeString(parse(text).get('output')!.root)).toBe(printed)
  })

  it('collects {{define}}d and {{block}} templates by name', () => {
    const trees = parse('{{define "a"}}A{{end}}x{{block "b" .}}B{{end}}')
    expect([...trees.keys()].sort()).toEqual(['a', 'b', 'output'])
    expect(nodeString(trees.get('output')!.root)).toBe('x{{template "b" .}}')
    expect(nodeString(trees.get('a')!.root)).toBe('A')
  })

  it('accepts a trailing pipe symbol, as Go does', () => {
    expect(nodeString(parse('{{.a |}}').get('output')!.root)).toBe('{{.a}}')
  })

  it('places a field chain at its second field, as error locations show it', () => {
    const action = parse('{{.status.x.y}}').get('output')!.root.nodes[0]!
    expect(action.type === 'action' && action.pipe.cmds[0]!.args[0]!.pos).toBe(9)
  })

  it.each([
    ['{{.a}', "template: output:1: bad character U+007D '}'"],
    ['{{.a', 'template: output:1: unclosed action'],
    ['{{if .a}}x', 'template: output:1: unexpected EOF'],
    ['{{end}}', 'template: output:1: unexpected {{end}}'],
    ['{{else}}', 'template: output:1: unexpected {{else}}'],
    ['{{foo}}', 'template: output:1: function "foo" not defined'],
    ['{{$x}}', 'template: output:1: undefined variable "$x"'],
    ['{{if true}}{{$y := 1}}{{end}}{{$y}}', 'template: output:1: undefined variable "$y"'],
    ['{{if}}{{end}}', 'template: output:1: missing value for if'],
    ['{{}}', 'template: output:1: missing value for command'],
    ['{{range $i, $c, $d := .}}{{end}}', 'template: output:1: too many declarations in range'],
    ['{{with $x, $y := .}}{{end}}', 'template: output:1: too many declarations in with'],
    ['{{range $i, 3}}{{end}}', 'template: output:1: range can only initialize variables'],
    ['{{"a" | "b"}}', 'template: output:1: non executable command in pipeline stage 2'],
    ['{{.a "x}}', 'template: output:1: unterminated quoted string'],
    ['{{(.a}}', 'template: output:1: unclosed left paren'],
    ['{{.a)}}', 'template: output:1: unexpected right paren'],
    ['{{"x".y}}', 'template: output:1: unexpected . after term "\\"x\\""'],
    ['{{.a := 1}}', 'template: output:1: unexpected ":=" in operand'],
    ['{{.a , .b}}', 'template: output:1: unexpected "," in operand'],
    ['{{break}}', 'template: output:1: {{break}} outside {{range}}'],
    ['{{range .}}{{continue 1}}{{end}}', 'template: output:1: unexpected "1" in {{continue}}'],
    ['{{range .}}{{else}}{{else}}{{end}}', 'template: output:1: expected end; found {{else}}'],
    [
      '{{define "x"}}a{{end}}{{define "x"}}b{{end}}',
      'template: output:1: template: multiple definition of template "x"',
    ],
    ['{{template .x}}', 'template: output:1: unexpected ".x" in template clause'],
    ['{{template}}', 'template: output:1: unexpected "}}" in template clause'],
    ['{{.a end}}', 'template: output:1: unexpected <end> in operand'],
    ['{{"\\q"}}', 'template: output:1: invalid syntax'],
    ["{{'ab'}}", "template: output:1: malformed character constant: 'ab'"],
    ['{{089}}', 'template: output:1: integer overflow: "089"'],
    ['{{0x}}', 'template: output:1: illegal number syntax: "0x"'],
    ['a\n{{.a}\n', "template: output:2: bad character U+007D '}'"],
    ['{{.a\n\n', 'template: output:3: unclosed action started at output:1'],
  ])('rejects %j: %s', (text, message) => {
    expect(parseError(text)).toBe(message)
  })
})

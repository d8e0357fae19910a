import { describe, expect, it } from 'vitest'
import { type Item, formatRuneU, itemString } from './items'
import { Lexer } from './lexer'

const OPTIONS = { emitComment: false, breakOK: true, continueOK: true }

/** Every item up to EOF or the first error, as `type:value`. */
function lex(input: string, options = OPTIONS): string[] {
  const l = new Lexer(input, options)
  const out: string[] = []
  for (let i = 0; i < 100; i++) {
    const item: Item = l.nextItem()
    out.push(item.typ === 'EOF' ? 'EOF' : `${item.typ}:${item.val}`)
    if (item.typ === 'EOF' || item.typ === 'error') break
  }
  return out
}

describe('the template lexer', () => {
  it('splits text and an action into delimiters, fields and spaces', () => {
    expect(lex('a {{.b.c}} d')).toEqual([
      'text:a ',
      'leftDelim:{{',
      'field:.b',
      'field:.c',
      'rightDelim:}}',
      'text: d',
      'EOF',
    ])
  })

  it('lexes a range declaration with two variables', () => {
    expect(lex('{{range $i, $c := .spec.containers}}')).toEqual([
      'leftDelim:{{',
      'range:range',
      'space: ',
      'variable:$i',
      'char:,',
      'space: ',
      'variable:$c',
      'space: ',
      'declare::=',
      'space: ',
      'field:.spec',
      'field:.containers',
      'rightDelim:}}',
      'EOF',
    ])
  })

  it('knows keywords, booleans, nil, dot, $ and identifiers', () => {
    expect(lex('{{if else end with nil true . $ $x printf}}')).toEqual([
      'leftDelim:{{',
      'if:if',
      'space: ',
      'else:else',
      'space: ',
      'end:end',
      'space: ',
      'with:with',
      'space: ',
      'nil:nil',
      'space: ',
      'bool:true',
      'space: ',
      'dot:.',
      'space: ',
      'variable:$',
      'space: ',
      'variable:$x',
      'space: ',
      'identifier:printf',
      'rightDelim:}}',
      'EOF',
    ])
  })

  it('treats break and continue as identifiers when a function by that name exists', () => {
    expect(lex('{{break}}', { ...OPTIONS, breakOK: false })[1]).toBe('identifier:break')
    expect(lex('{{break}}')[1]).toBe('break:break')
  })

  it('lexes numbers, strings, raw strings, characters, pipes and parentheses', () => {
    expect(lex('{{(1.5e3 | printf "a\\"b" `c\nd` \'x\' -2 0x1F)}}')).toEqual([
      'leftDelim:{{',
      'leftParen:(',
      'number:1.5e3',
      'space: ',
      'pipe:|',
      'space: ',
      'identifier:printf',
      'space: ',
      'string:"a\\"b"',
      'space: ',
      'rawString:`c\nd`',
      'space: ',
      "charConstant:'x'",
      'space: ',
      'number:-2',
      'space: ',
      'number:0x1F',
      'rightParen:)',
      'rightDelim:}}',
      'EOF',
    ])
  })

  it('trims the space around trim markers and skips comments', () => {
    expect(lex('a \n {{- .x -}} \n b')).toEqual([
      'text:a',
      'leftDelim:{{',
      'field:.x',
      'rightDelim:}}',
      'text:b',
      'EOF',
    ])
    expect(lex('a {{- /* note */ -}} b {{/* x */}}c')).toEqual(['text:a', 'text:b ', 'text:c', 'EOF'])
  })

  it('reads {{-3}} as the number -3, not a trim marker', () => {
    expect(lex('{{-3}}')).toEqual(['leftDelim:{{', 'number:-3', 'rightDelim:}}', 'EOF'])
  })

  it('allows newlines inside an action', () => {
    expect(lex('{{.a\n}}')).toEqual(['leftDelim:{{', 'field:.a', 'space:\n', 'rightDelim:}}', 'EOF'])
  })

  it.each([
    ['{{.a}', "error:bad character U+007D '}'"],
    ['{{.a', 'error:unclosed action'],
    ['{{"abc}}', 'error:unterminated quoted string'],
    ['{{`abc}}', 'error:unterminated raw quoted string'],
    ["{{'a}}", 'error:unterminated character constant'],
    ['{{/* abc }}', 'error:unclosed comment'],
    ['{{/* abc */ .}}', 'error:comment ends before closing delimiter'],
    ['{{(.a}}', 'error:unclosed left paren'],
    ['{{.a)}}', 'error:unexpected right paren'],
    ['{{:x}}', 'error:expected :='],
    ['{{3k}}', 'error:bad number syntax: "3k"'],
    ['{{\u0001}}', 'error:unrecognized character in action: U+0001'],
    ['{{$x+1}}', "error:bad character U+002B '+'"],
  ])('reports %j as %j', (input, error) => {
    expect(lex(input).at(-1)).toBe(error)
  })

  it('counts lines for items', () => {
    const l = new Lexer('a\nb{{.x}}\n{{.y}}', OPTIONS)
    const lines: number[] = []
    for (let item = l.nextItem(); item.typ !== 'EOF'; item = l.nextItem()) lines.push(item.line)
    expect(lines).toEqual([1, 2, 2, 2, 2, 3, 3, 3])
  })
})

describe('item and rune formatting', () => {
  it('prints items as Go does in parse errors', () => {
    const item = (typ: Item['typ'], val: string): Item => ({ typ, val, pos: 0, line: 1 })
    expect(itemString(item('EOF', ''))).toBe('EOF')
    expect(itemString(item('char', '}'))).toBe('"}"')
    expect(itemString(item('end', 'end'))).toBe('<end>')
    expect(itemString(item('text', 'abcdefghijkl'))).toBe('"abcdefghij"...')
  })

  it('formats runes like %#U', () => {
    expect(formatRuneU(0x7d)).toBe("U+007D '}'")
    expect(formatRuneU(0x0a)).toBe('U+000A')
    expect(formatRuneU(0x1f600)).toBe("U+1F600 '😀'")
  })
})

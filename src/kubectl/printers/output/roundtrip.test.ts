import * as fc from 'fast-check'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { goJsonMarshal } from './json'
import { toUnstructured, type JsonValue } from './unstructured'
import { printYaml } from './yaml'

// Strings that exercise every quoting rule: YAML 1.1 words, numbers, timestamps, indicators,
// leading/trailing blanks, breaks, control and non-BMP characters.
const tricky = fc.constantFrom(
  '',
  ' ',
  'yes',
  'No',
  'ON',
  'y',
  '~',
  'null',
  'true',
  '0',
  '-1',
  '+1',
  '1.5',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '0b101',
  '08',
  '1_000',
  '10:30',
  '2026-01-01',
  '2026-01-01T09:00:00Z',
  '<<',
  '-',
  '- x',
  '-x',
  '?',
  '? x',
  ':',
  'a: b',
  'a:b',
  '#c',
  'a #c',
  'a#c',
  '*x',
  '&a',
  '!t',
  '|',
  '>',
  "it's",
  '"q"',
  '%x',
  '@x',
  '`x`',
  '[a]',
  '{a}',
  'a,b',
  '---',
  '...',
  ' lead',
  'trail ',
  'tab\tin',
  'line\nbreak',
  'ends\n',
  '\nstarts',
  'two\n\n',
  'sp \nbr',
  'br\n sp',
  'é',
  '🙂',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\x00',
  '\x1b[31m',
  'x'.repeat(90) + ' ' + 'y'.repeat(10),
)
const text = fc.oneof(
  tricky,
  fc.string({ maxLength: 120 }),
  fc
    .array(fc.constantFrom('a', ' ', ':', '#', "'", '"', '\n', '-'), { maxLength: 100 })
    .map((a) => a.join('')),
)
const scalar = fc.oneof(
  text,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
)
const value: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(text, tie('v'), { maxKeys: 4 }).map((d) => toUnstructured(d)),
  ),
})).v

describe('yaml and json round trips', () => {
  // kubectl always prints an object at the top (a bare top-level `|2` block would be read back
  // one column short, in yaml.v2 as here), so the property wraps every value in one.
  it('prints YAML that js-yaml reads back to the same data', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(load(printYaml({ v }))).toEqual({ v })
      }),
      { numRuns: 400 },
    )
  })

  it('prints JSON that JSON.parse reads back to the same data', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(JSON.parse(goJsonMarshal(v, '    '))).toEqual(v)
      }),
      { numRuns: 200 },
    )
  })
})

// Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic, then
// field splitting of unquoted expansion results on IFS, pathname expansion, quote removal.
import { ArithmeticError, arithmeticMessage, evaluateArithmetic } from './arithmetic'
import type { CommandList, Word, WordPart } from './ast'
import type { ShellDialect } from './dialect'
import type { ShellFileSystem } from './fs'
import { expandPathname, hasGlobCharacters, removeAffix, type Pattern } from './glob'

export interface ExpansionHost {
  /** A variable, special parameter (`?`, `#`, `$`, `-`, `0`...) or positional parameter. */
  get(name: string): string | undefined
  set(name: string, value: string): void
  positional(): readonly string[]
  /** Runs `list` in a subshell and returns its standard output. */
  commandSubstitution(list: CommandList): string
  readonly nounset: boolean
  readonly noglob: boolean
  readonly fs: ShellFileSystem
  readonly cwd: string
  readonly dialect: ShellDialect
}

export type ExpansionFailure =
  | { kind: 'unset'; name: string }
  | { kind: 'required'; name: string; message: string | null; colon: boolean }
  | { kind: 'arithmetic'; error: ArithmeticError }

export class ExpansionError extends Error {
  constructor(readonly failure: ExpansionFailure) {
    super(`expansion failed: ${failure.kind}`)
  }
}

/** The text after the shell's prefix, e.g. `NOPE: parameter not set`. */
export function expansionMessage(dialect: ShellDialect, failure: ExpansionFailure): string {
  switch (failure.kind) {
    case 'unset':
      return `${failure.name}: ${dialect === 'bash' ? 'unbound variable' : 'parameter not set'}`
    case 'required':
      return `${failure.name}: ${failure.message ?? (failure.colon || dialect === 'bash' ? 'parameter null or not set' : 'parameter not set')}`
    case 'arithmetic':
      return arithmeticMessage(dialect, failure.error)
  }
}

/** One piece of expanded text: quoted text is never split or globbed. */
interface Piece {
  text: string
  quoted: boolean
  /** Came from an unquoted expansion, so IFS splits it. */
  splittable: boolean
}
type Chunk = Piece | 'field-break'

/** A command's words as argument strings. */
export function expandWords(words: readonly Word[], host: ExpansionHost): string[] {
  const out: string[] = []
  for (const word of words) {
    for (const field of splitFields(expandParts(word, host, true), host.get('IFS') ?? ' \t\n')) {
      if (!host.noglob && hasGlobCharacters(field)) {
        const matches = expandPathname(field, host.fs, host.cwd)
        out.push(...(matches.length > 0 ? matches : [field.text]))
      } else out.push(field.text)
    }
  }
  return out
}

/** A word expanded to one string, without splitting or globbing: assignments, redirect targets. */
export function expandWord(word: Word, host: ExpansionHost): string {
  return expandParts(word, host, true)
    .map((chunk) => (chunk === 'field-break' ? ' ' : chunk.text))
    .join('')
}

/** A word as a pattern for `${name#pattern}` and `case`: quoted characters match literally. */
export function expandPattern(word: Word, host: ExpansionHost): Pattern {
  let text = ''
  const active: boolean[] = []
  for (const chunk of expandParts(word, host, false)) {
    if (chunk === 'field-break') continue
    text += chunk.text
    for (let i = 0; i < chunk.text.length; i++) active.push(!chunk.quoted)
  }
  return { text, active }
}

function expandParts(word: Word, host: ExpansionHost, tilde: boolean): Chunk[] {
  const chunks: Chunk[] = []
  word.parts.forEach((part, index) => {
    if (index === 0 && tilde && part.type === 'literal' && !part.quoted && /^~(\/|$)/.test(part.text)) {
      chunks.push({ text: host.get('HOME') ?? '~', quoted: true, splittable: false })
      chunks.push({ text: part.text.slice(1), quoted: false, splittable: false })
    } else chunks.push(...expandPart(part, host))
  })
  return chunks
}

function expandPart(part: WordPart, host: ExpansionHost): Chunk[] {
  switch (part.type) {
    case 'literal':
      return [{ text: part.text, quoted: part.quoted, splittable: false }]
    case 'command': {
      const text = host.commandSubstitution(part.list).replace(/\n+$/, '')
      return [{ text, quoted: part.quoted, splittable: !part.quoted }]
    }
    case 'arithmetic': {
      const expression = expandWord(part.expression, host)
      try {
        return [
          {
            text: String(
              evaluateArithmetic(expression, {
                get: host.get,
                set: host.set,
                comma: host.dialect !== 'dash',
              }),
            ),
            quoted: part.quoted,
            splittable: !part.quoted,
          },
        ]
      } catch (error) {
        if (error instanceof ArithmeticError) throw new ExpansionError({ kind: 'arithmetic', error })
        throw error
      }
    }
    case 'parameter':
      if (part.name === '@' && part.modifier === null) return positionalChunks(host.positional(), part.quoted)
      return [{ text: parameterValue(part, host), quoted: part.quoted, splittable: !part.quoted }]
  }
}

/** `"$@"` gives one field per positional parameter (none at all when there are none). */
function positionalChunks(params: readonly string[], quoted: boolean): Chunk[] {
  if (!quoted) return [{ text: params.join(' '), quoted: false, splittable: true }]
  return params.flatMap((p, i): Chunk[] =>
    i === 0
      ? [{ text: p, quoted: true, splittable: false }]
      : ['field-break', { text: p, quoted: true, splittable: false }],
  )
}

function parameterValue(part: Extract<WordPart, { type: 'parameter' }>, host: ExpansionHost): string {
  const { name, modifier } = part
  const value = host.get(name)
  const isSet = value !== undefined
  const isNonEmpty = isSet && value !== ''
  if (modifier === null || modifier.op === 'length') {
    if (!isSet && host.nounset && name !== '@' && name !== '*')
      throw new ExpansionError({ kind: 'unset', name })
    return modifier === null ? (value ?? '') : String((value ?? '').length)
  }
  const colon = modifier.op.startsWith(':')
  const present = colon ? isNonEmpty : isSet
  switch (modifier.op) {
    case '-':
    case ':-':
      return present ? value! : expandWord(modifier.word, host)
    case '=':
    case ':=': {
      if (present) return value!
      const assigned = expandWord(modifier.word, host)
      host.set(name, assigned)
      return assigned
    }
    case '+':
    case ':+':
      return present ? expandWord(modifier.word, host) : ''
    case '?':
    case ':?': {
      if (present) return value!
      const message = modifier.word.parts.length === 0 ? null : expandWord(modifier.word, host)
      throw new ExpansionError({ kind: 'required', name, message, colon })
    }
    default:
      if (!isSet && host.nounset) throw new ExpansionError({ kind: 'unset', name })
      return removeAffix(value ?? '', expandPattern(modifier.word, host), modifier.op)
  }
}

interface Field {
  text: string
  active: boolean[]
}

function splitFields(chunks: readonly Chunk[], ifs: string): Pattern[] {
  const fields: Field[] = []
  let current: Field = { text: '', active: [] }
  let started = false
  const finish = () => {
    if (started) fields.push(current)
    current = { text: '', active: [] }
    started = false
  }
  for (const chunk of chunks) {
    if (chunk === 'field-break') {
      finish()
      started = true
      continue
    }
    if (!chunk.splittable || ifs === '') {
      current.text += chunk.text
      for (let i = 0; i < chunk.text.length; i++) current.active.push(!chunk.quoted)
      if (chunk.quoted || chunk.text !== '') started = true
      continue
    }
    for (const ch of chunk.text) {
      if (ifs.includes(ch)) finish()
      else {
        current.text += ch
        for (let i = 0; i < ch.length; i++) current.active.push(true)
        started = true
      }
    }
  }
  finish()
  return fields
}

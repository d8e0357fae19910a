// Command-line flags as spf13/pflag parses them for kubectl: `--name=value`, `--name value`,
// `-n value`, `-nvalue`, grouped boolean shorthands (`-it`), `--` ending flags. Errors use
// pflag's words so kubectl can print them as it does.

export type FlagType = 'bool' | 'string' | 'int' | 'strings'

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  default?: string | number | boolean
  /** pflag's NoOptDefVal: the value of `--name` given alone (the next word is not taken as its value). */
  noOptDefault?: string
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>

export interface ParsedArgs {
  flags: FlagValues
  /** Positional arguments before `--`. */
  args: string[]
  /** Everything after `--` (the command for exec/run). */
  rest?: string[]
  /** Flags the user actually gave. */
  given: Set<string>
}

export class FlagError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
]

export function parseFlags(tokens: string[], specs: FlagSpec[]): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS]
  const byName = new Map(all.map((s) => [s.name, s]))
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]))
  const flags: FlagValues = {}
  const given = new Set<string>()
  for (const s of all) if (s.default !== undefined) flags[s.name] = s.default
  const args: string[] = []
  let rest: string[] | undefined

  const set = (spec: FlagSpec, raw: string): void => {
    given.add(spec.name)
    // pflag names a flag that has a shorthand as "-w, --watch" in value errors.
    const label = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`
    if (spec.type === 'bool') {
      if (raw !== 'true' && raw !== 'false')
        throw new FlagError(
          `invalid argument "${raw}" for "${label}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
        )
      flags[spec.name] = raw === 'true'
    } else if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw))
        throw new FlagError(
          `invalid argument "${raw}" for "${label}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        )
      flags[spec.name] = Number(raw)
    } else if (spec.type === 'strings') {
      const prev = (
        given.has(spec.name) && Array.isArray(flags[spec.name]) ? flags[spec.name] : []
      ) as string[]
      flags[spec.name] = [...prev, ...raw.split(',')]
    } else flags[spec.name] = raw
  }

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!
    if (tok === '--') {
      rest = tokens.slice(i + 1)
      break
    }
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=')
      const name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2)
      const spec = byName.get(name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      if (eq >= 0) set(spec, tok.slice(eq + 1))
      else if (spec.type === 'bool') set(spec, 'true')
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault)
      else {
        if (i + 1 >= tokens.length) throw new FlagError(`flag needs an argument: --${name}`)
        set(spec, tokens[++i]!)
      }
    } else if (tok.startsWith('-') && tok.length > 1) {
      for (let j = 1; j < tok.length; j++) {
        const ch = tok[j]!
        const spec = byShort.get(ch)
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in -${tok.slice(j)}`)
        if (spec.type === 'bool') {
          if (tok[j + 1] === '=') {
            set(spec, tok.slice(j + 2))
            break
          }
          set(spec, 'true')
          continue
        }
        const inline = tok.slice(j + 1)
        if (inline) set(spec, inline.startsWith('=') ? inline.slice(1) : inline)
        else {
          if (i + 1 >= tokens.length) throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`)
          set(spec, tokens[++i]!)
        }
        break
      }
    } else args.push(tok)
  }
  return { flags, args, given, ...(rest ? { rest } : {}) }
}

// `echo` and `printf`, shared by the shells' builtins and the images' /bin binaries. echo comes
// in two behaviours: dash's builtin always interprets backslash escapes and knows only `-n`;
// bash, busybox and coreutils take `-n`, `-e`, `-E` and leave escapes alone unless given `-e`.
import type { Command } from './command'

export type EchoStyle = 'dash' | 'options'

export function echoCommand(style: EchoStyle): Command {
  return (argv, io) => {
    let args = argv.slice(1)
    let newline = true
    let escapes = style === 'dash'
    if (style === 'dash') {
      if (args[0] === '-n') {
        newline = false
        args = args.slice(1)
      }
    } else {
      while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
        for (const flag of args[0]!.slice(1)) {
          if (flag === 'n') newline = false
          else escapes = flag === 'e'
        }
        args = args.slice(1)
      }
    }
    const text = args.join(' ')
    if (!escapes) {
      io.stdout(newline ? `${text}\n` : text)
      return 0
    }
    const { output, stopped } = interpretEscapes(text, style === 'dash' ? 'echo-dash' : 'echo')
    io.stdout(newline && !stopped ? `${output}\n` : output)
    return 0
  }
}

type EscapeFlavour = 'echo' | 'echo-dash' | 'printf'

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}

/** Backslash escapes as echo -e / printf read them; `\c` stops all further output. */
export function interpretEscapes(text: string, flavour: EscapeFlavour): { output: string; stopped: boolean } {
  let output = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch !== '\\' || i + 1 >= text.length) {
      output += ch
      continue
    }
    const next = text[i + 1]!
    if (next === 'c' && flavour !== 'printf') return { output, stopped: true }
    if (SIMPLE_ESCAPES[next] !== undefined && !(next === 'e' && flavour === 'echo-dash')) {
      output += SIMPLE_ESCAPES[next]
      i++
    } else if (next === '0' || (flavour === 'printf' && /[0-7]/.test(next))) {
      const digits =
        /^[0-7]{1,3}/.exec(text.slice(next === '0' && flavour !== 'printf' ? i + 2 : i + 1))?.[0] ?? ''
      output += String.fromCharCode(parseInt(digits || '0', 8))
      i += (next === '0' && flavour !== 'printf' ? 1 : 0) + digits.length
    } else if (next === 'x' && flavour !== 'echo-dash' && /^[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))![0]
      output += String.fromCharCode(parseInt(digits, 16))
      i += 1 + digits.length
    } else if (next === '"' && flavour === 'printf') {
      output += '"'
      i++
    } else output += ch
  }
  return { output, stopped: false }
}

/** POSIX printf: %s %b %c %d %i %u %o %x %X %%, with flags, width and precision; the format repeats for extra arguments. */
export const printfCommand: Command = (argv, io) => {
  const format = argv[1]
  if (format === undefined) {
    io.stderr('printf: usage: printf format [arguments]\n')
    return 2
  }
  const args = argv.slice(2)
  let status = 0
  let used = 0
  let output = ''
  do {
    const start = used
    const spec =
      /%([-+ #0]*)(\d*)(?:\.(\d*))?([sbcdiuoxX%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|[^%\\]+|[%\\]/gy
    for (let m = spec.exec(format); m !== null; m = spec.exec(format)) {
      const [token, flags = '', width = '', precision, conversion] = m
      if (conversion === undefined) {
        output += token.startsWith('\\') ? interpretEscapes(token, 'printf').output : token
        continue
      }
      if (conversion === '%') {
        output += '%'
        continue
      }
      const arg = args[used++] ?? ''
      let text: string
      if (conversion === 's') text = precision === undefined ? arg : arg.slice(0, Number(precision || 0))
      else if (conversion === 'b') text = interpretEscapes(arg, 'echo').output
      else if (conversion === 'c') text = arg.slice(0, 1)
      else {
        const value = arg === '' ? 0 : Number(/^'/.test(arg) ? arg.charCodeAt(1) : arg)
        if (!Number.isInteger(value)) {
          io.stderr(`printf: ${arg}: expected numeric value\n`)
          status = 1
        }
        const n = Number.isInteger(value) ? value : 0
        text =
          conversion === 'o'
            ? n.toString(8)
            : conversion === 'x'
              ? n.toString(16)
              : conversion === 'X'
                ? n.toString(16).toUpperCase()
                : String(n)
        if (flags.includes('+') && n >= 0 && (conversion === 'd' || conversion === 'i')) text = `+${text}`
      }
      const pad = Number(width || 0) - text.length
      if (pad > 0)
        text = flags.includes('-')
          ? text + ' '.repeat(pad)
          : (flags.includes('0') && conversion !== 's' ? '0' : ' ').repeat(pad) + text
      output += text
    }
    if (used === start) break
  } while (used < args.length)
  io.stdout(output)
  return status
}

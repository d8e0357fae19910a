// hostname, env, sleep, pwd, echo, printf, test, true, false and the shells themselves.
// `sleep` cannot let simulated time pass inside an exec (the exec is one synchronous step), so it
// returns at once and adds the requested seconds to `session.sleptSeconds`; the kubelet may use
// that to delay the exec's completion on the simulated clock.
import type { Command } from '../command'
import type { ShellDialect } from '../dialect'
import { echoCommand, printfCommand } from '../echoPrintf'
import { resolvePath, STRERROR } from '../fs'
import { runShellSource } from '../interpreter'
import type { ShellOptions } from '../state'
import { evaluateTest, testErrorText } from '../testCommand'
import type { ContainerHost, Flavour } from './host'
import { parseArgs, usageError } from './options'

export interface ExecSession {
  sleptSeconds: number
}

const MAX_SHELL_DEPTH = 32
const OPTION_LETTERS: Readonly<Record<string, keyof ShellOptions>> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
}
const DEBIAN_HOSTNAME_USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit
`

export function systemApplets(
  flavour: Flavour,
  host: ContainerHost,
  session: ExecSession,
  table: () => Readonly<Record<string, Command>>,
): Record<string, Command> {
  const busybox = flavour === 'busybox'

  const hostname: Command = (argv, io) => {
    const long = {
      fqdn: 'f',
      long: 'f',
      short: 's',
      domain: 'd',
      'ip-address': 'i',
      'all-ip-addresses': 'I',
      'all-fqdns': 'A',
      alias: 'a',
    }
    const parsed = parseArgs(argv, { flags: busybox ? 'sidf' : 'sidfIAay', values: 'F', long }, flavour)
    if (!parsed.ok) {
      if (busybox) return usageError(io, flavour, 'hostname', parsed.message)
      io.stderr(parsed.message + DEBIAN_HOSTNAME_USAGE)
      return 1
    }
    const { flags, operands } = parsed.args
    if (operands.length > 0 || parsed.args.values.has('F')) {
      io.stderr(
        busybox
          ? 'hostname: sethostname: Operation not permitted\n'
          : 'hostname: you must be root to change the host name\n',
      )
      return 1
    }
    const domain = host.fqdn.includes('.') ? host.fqdn.slice(host.fqdn.indexOf('.') + 1) : ''
    if (flags.has('i') || flags.has('I')) io.stdout(`${host.podIP ?? ''}${flags.has('I') ? ' ' : ''}\n`)
    else if (flags.has('f') || flags.has('A')) io.stdout(`${host.fqdn}${flags.has('A') ? ' ' : ''}\n`)
    else if (flags.has('d')) io.stdout(`${domain}\n`)
    else if (flags.has('s')) io.stdout(`${host.hostname.split('.')[0]}\n`)
    else if (flags.has('a') || flags.has('y')) io.stdout('\n')
    else io.stdout(`${host.hostname}\n`)
    return 0
  }

  const env: Command = (argv, io) => {
    let i = 1
    let vars: Record<string, string> = { ...io.env }
    for (; i < argv.length; i++) {
      const arg = argv[i]!
      if (arg === '-i' || arg === '-' || arg === '--ignore-environment') vars = {}
      else if (arg === '-u' || arg === '--unset') delete vars[argv[++i] ?? '']
      else if (arg === '--') {
        i++
        break
      } else if (arg.startsWith('-') && arg.length > 1)
        return usageError(io, flavour, 'env', `env: invalid option -- '${arg[1]}'\n`)
      else break
    }
    for (; i < argv.length && /^[^=]+=/.test(argv[i]!); i++) {
      const eq = argv[i]!.indexOf('=')
      vars[argv[i]!.slice(0, eq)] = argv[i]!.slice(eq + 1)
    }
    if (i >= argv.length) {
      io.stdout(
        Object.entries(vars)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      )
      return 0
    }
    const status = io.exec(argv.slice(i), { env: vars })
    if (status !== null) return status
    const program = argv[i]!
    io.stderr(
      busybox
        ? `env: can't execute '${program}': ${STRERROR.ENOENT}\n`
        : `env: '${program}': ${STRERROR.ENOENT}\n`,
    )
    return 127
  }

  const sleep: Command = (argv, io) => {
    const args = argv.slice(1)
    if (args.length === 0) {
      if (busybox) return usageError(io, flavour, 'sleep', '')
      return usageError(io, flavour, 'sleep', 'sleep: missing operand\n')
    }
    let total = 0
    for (const arg of args) {
      const match = /^(\d+(?:\.\d*)?|\.\d+|inf(?:inity)?)([smhd]?)$/.exec(arg)
      if (!match) {
        if (busybox) {
          io.stderr(`sleep: invalid number '${arg}'\n`)
          return 1
        }
        return usageError(io, flavour, 'sleep', `sleep: invalid time interval '${arg}'\n`)
      }
      const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd']
      total += match[1]!.startsWith('inf') ? Infinity : Number(match[1]) * unit
    }
    session.sleptSeconds += total
    return 0
  }

  const test: Command = (argv, io) => {
    const result = evaluateTest(argv, io.fs, io.cwd)
    if (result.ok) return result.status
    io.stderr(`${argv[0]}: ${testErrorText(busybox ? 'ash' : 'coreutils', result.error)}\n`)
    return 2
  }

  const shell =
    (dialect: ShellDialect): Command =>
    (argv, io) => {
      if (io.depth >= MAX_SHELL_DEPTH) {
        io.stderr(`${argv[0]}: shells nested too deeply (simulator limit)\n`)
        return 126
      }
      let i = 1
      let commandString = false
      const options: Partial<ShellOptions> = {}
      for (; i < argv.length && /^[-+][a-z]+$/.test(argv[i]!); i++) {
        for (const letter of argv[i]!.slice(1)) {
          if (letter === 'c') commandString = true
          const option = OPTION_LETTERS[letter]
          if (option) options[option] = argv[i]!.startsWith('-')
        }
      }
      const name = argv[0]!
      const base = {
        commands: table(),
        fs: io.fs,
        env: io.env,
        cwd: io.cwd,
        dialect,
        stdout: io.stdout,
        stderr: io.stderr,
        depth: io.depth + 1,
        options,
      }
      if (commandString) {
        const source = argv[i]
        if (source === undefined) {
          io.stderr(
            dialect === 'dash'
              ? `${name}: 0: -c requires an argument\n`
              : `${name}: -c requires an argument\n`,
          )
          return 2
        }
        return runShellSource(source, {
          ...base,
          name: argv[i + 1] ?? name,
          args: argv.slice(i + 2),
          origin: 'command-string',
        }).exitCode
      }
      const script = argv[i]
      if (script === undefined)
        return runShellSource(io.stdin, { ...base, name, origin: 'command-string' }).exitCode
      const read = io.fs.readFile(resolvePath(io.cwd, script))
      if (!read.ok) {
        if (dialect === 'dash') io.stderr(`${name}: 0: Can't open ${script}\n`)
        else if (dialect === 'bash') io.stderr(`${name}: ${script}: ${STRERROR[read.errno]}\n`)
        else io.stderr(`${name}: can't open '${script}': ${STRERROR[read.errno]}\n`)
        return dialect === 'bash' ? 127 : 2
      }
      return runShellSource(read.value, { ...base, name: script, args: argv.slice(i + 1), origin: 'file' })
        .exitCode
    }

  return {
    hostname,
    env,
    sleep,
    pwd: (_argv, io) => {
      io.stdout(`${io.cwd}\n`)
      return 0
    },
    echo: echoCommand('options'),
    printf: printfCommand,
    test,
    '[': test,
    true: () => 0,
    false: () => 1,
    sh: shell(busybox ? 'ash' : 'dash'),
    ash: shell('ash'),
    dash: shell('dash'),
    bash: shell('bash'),
  }
}

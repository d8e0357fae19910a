// curl (7.47, as in Ubuntu 16.04-based nginx-slim), busybox wget and nslookup. The network and
// DNS answers come from the ContainerHost; these programs only reproduce how each tool reports
// them. Without a terminal curl draws its progress meter on stderr, as it does under a plain
// `kubectl exec` (the tutorial's `exec -i -t` hides it).
import type { Command, CommandIO } from '../command'
import { baseName, resolvePath, utf8Length } from '../fs'
import type { ContainerHost, HttpRequest, HttpResult } from './host'

const CURL_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n"
const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n'
const METER_ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0'
const UNSUPPORTED_CURL = new Set([
  '-I',
  '--head',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-d',
  '--data',
  '-X',
  '--request',
  '-F',
  '--form',
  '-T',
  '--upload-file',
])

export function parseUrl(
  text: string,
): { ok: true; request: HttpRequest; label: string } | { ok: false; scheme?: string } {
  const match = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d+))?([^#]*)/.exec(text)!
  const scheme = (match[1] ?? 'http').toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, scheme }
  const host = match[2]!
  if (host === '') return { ok: false }
  const port = match[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(match[3])
  const path =
    match[4] === '' || match[4] === undefined ? '/' : match[4].startsWith('/') ? match[4] : `/${match[4]}`
  return {
    ok: true,
    request: { scheme, host, port, path },
    label: match[3] === undefined ? host : `${host}:${port}`,
  }
}

export function netApplets(host: ContainerHost): Record<string, Command> {
  return {
    curl: (argv, io) => curl(argv, io, host),
    wget: (argv, io) => wget(argv, io, host),
    nslookup: (argv, io) => {
      const result = host.resolver.nslookup(argv.slice(1))
      io.stdout(result.stdout)
      io.stderr(result.stderr)
      return result.exitCode
    },
  }
}

function curl(argv: string[], io: CommandIO, host: ContainerHost): number {
  let silent = false
  let showErrors = false
  let failOnError = false
  let follow = false
  let output: string | null = null
  let remoteName = false
  const urls: string[] = []
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (UNSUPPORTED_CURL.has(arg)) {
      io.stderr(`curl: option ${arg}: not supported by this simulator\n`)
      return 2
    }
    if (/^-[sSfLkO]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === 's') silent = true
        if (flag === 'S') showErrors = true
        if (flag === 'f') failOnError = true
        if (flag === 'L') follow = true
        if (flag === 'O') remoteName = true
      }
    } else if (arg === '--silent') silent = true
    else if (arg === '--show-error') showErrors = true
    else if (arg === '--fail') failOnError = true
    else if (arg === '--location') follow = true
    else if (arg === '--insecure') continue
    else if (arg === '-o' || arg === '--output') output = argv[++i] ?? null
    else if (['-m', '--max-time', '--connect-timeout', '-H', '--header', '-A', '--user-agent'].includes(arg))
      i++
    else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`curl: option ${arg}: is unknown\n${CURL_HINT}`)
      return 2
    } else urls.push(arg)
  }
  if (urls.length === 0) {
    io.stderr(`curl: no URL specified!\n${CURL_HINT}`)
    return 2
  }
  const meter = !silent && (!host.tty || output !== null || remoteName)
  const errors = !silent || showErrors
  let status = 0
  for (const url of urls) {
    if (meter) io.stderr(METER_HEADER + METER_ZERO)
    const failure = (code: number, message: string): number => {
      if (errors) io.stderr(`curl: (${code}) ${message}\n`)
      return code
    }
    const parsed = parseUrl(url)
    if (!parsed.ok) {
      status =
        parsed.scheme === undefined
          ? failure(3, `<url> malformed`)
          : failure(1, `Protocol ${parsed.scheme} not supported or disabled in libcurl`)
      continue
    }
    let request = parsed.request
    let result: HttpResult = host.http(request)
    const maxRedirects = follow ? 50 : 0
    for (let hops = 0; hops < maxRedirects; hops++) {
      if (result.kind !== 'response' || result.location === undefined) break
      const next = parseUrl(
        result.location.startsWith('/')
          ? `${request.scheme}://${request.host}:${request.port}${result.location}`
          : result.location,
      )
      if (!next.ok) break
      request = next.request
      result = host.http(request)
    }
    if (result.kind === 'unresolved') status = failure(6, `Could not resolve host: ${request.host}`)
    else if (result.kind === 'refused')
      status = failure(7, `Failed to connect to ${request.host} port ${request.port}: Connection refused`)
    else if (result.kind === 'timeout')
      status = failure(7, `Failed to connect to ${request.host} port ${request.port}: Connection timed out`)
    else if (failOnError && result.status >= 400)
      status = failure(22, `The requested URL returned error: ${result.status} ${result.reason}`)
    else {
      const target = output ?? (remoteName ? baseName(request.path.replace(/[?#].*$/, '')) : null)
      if (target === '/' || target === '') {
        status = failure(23, 'Remote file name has no length!')
        continue
      }
      const written =
        target === null || target === '-'
          ? (io.stdout(result.body), true)
          : io.fs.writeFile(resolvePath(io.cwd, target), result.body).ok
      if (meter) io.stderr(meterLine(written ? utf8Length(result.body) : 0))
      if (!written) status = failure(23, `Failed writing body (0 != ${utf8Length(result.body)})`)
      else if (meter) io.stderr('\n')
    }
  }
  return status
}

/** curl's final progress line, for a transfer that took about a millisecond. */
function meterLine(bytes: number): string {
  const size = max5(bytes)
  const speed = max5(bytes * 1000)
  return `\r100 ${size}  100 ${size}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}`
}

/** curl's max5data(): a byte count in at most five characters. */
function max5(bytes: number): string {
  const k = 1024
  if (bytes < 100_000) return String(bytes).padStart(5)
  if (bytes < 10_000 * k) return `${String(Math.floor(bytes / k)).padStart(4)}k`
  if (bytes < 100 * k * k)
    return `${String(Math.floor(bytes / (k * k))).padStart(2)}.${Math.floor((bytes % (k * k)) / ((k * k) / 10))}M`
  return `${String(Math.floor(bytes / (k * k))).padStart(4)}M`
}

function wget(argv: string[], io: CommandIO, host: ContainerHost): number {
  let quiet = false
  let output: string | null = null
  const urls: string[] = []
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '-q' || arg === '--quiet') quiet = true
    else if (arg === '-O') output = argv[++i] ?? null
    else if (/^-q?O./.test(arg)) {
      quiet ||= arg.startsWith('-q')
      output = arg.slice(arg.indexOf('O') + 1)
    } else if (arg === '-qO') {
      quiet = true
      output = argv[++i] ?? null
    } else if (arg === '-T' || arg === '-U' || arg === '-P') i++
    else if (arg.startsWith('-')) {
      io.stderr(`wget: invalid option -- '${arg.slice(1, 2)}'\n`)
      return 1
    } else urls.push(arg)
  }
  for (const url of urls) {
    const parsed = parseUrl(url)
    if (!parsed.ok) {
      io.stderr(`wget: not an http or ftp url: ${url}\n`)
      return 1
    }
    const { request, label } = parsed
    const result = host.http(request)
    if (result.kind === 'unresolved') {
      io.stderr(`wget: bad address '${request.host}'\n`)
      return 1
    }
    if (!quiet) io.stderr(`Connecting to ${label} (${result.address}:${request.port})\n`)
    if (result.kind !== 'response') {
      io.stderr(
        `wget: can't connect to remote host (${result.address}): ${result.kind === 'refused' ? 'Connection refused' : 'Connection timed out'}\n`,
      )
      return 1
    }
    if (result.status >= 400) {
      io.stderr(`wget: server returned error: HTTP/1.1 ${result.status} ${result.reason}\n`)
      return 1
    }
    const target = output ?? (baseName(request.path) === '/' ? 'index.html' : baseName(request.path))
    if (!quiet) io.stderr(target === '-' ? 'writing to stdout\n' : `saving to '${target}'\n`)
    if (target === '-') io.stdout(result.body)
    else io.fs.writeFile(resolvePath(io.cwd, target), result.body)
    if (!quiet) {
      io.stderr(
        `${target.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(utf8Length(result.body)).padStart(5)}  0:00:00 ETA\n`,
      )
      io.stderr(target === '-' ? 'written to stdout\n' : `'${target}' saved\n`)
    }
  }
  return 0
}

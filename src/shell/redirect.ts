// Applies a command's redirections, left to right, to a copy of its descriptor table. Output
// files are created or truncated when opened and written through as the program writes, so
// `cmd > f 2>&1` interleaves both streams in the file exactly as they were produced.
import type { Redirect, Word } from './ast'
import { InputStream, type Sink } from './command'
import type { ShellMessage } from './dialect'
import { resolvePath, type ShellFileSystem } from './fs'

export interface Descriptors {
  readonly stdin: InputStream
  readonly stdout: Sink
  readonly stderr: Sink
}

export interface RedirectHost {
  readonly fs: ShellFileSystem
  readonly cwd: string
  /** Expands a redirect target or here-document body to a single string. */
  expand(word: Word): string
}

export type RedirectResult = { ok: true; fds: Descriptors } | { ok: false; message: ShellMessage }

const discard: Sink = () => {}

export function applyRedirects(
  redirects: readonly Redirect[],
  fds: Descriptors,
  host: RedirectHost,
): RedirectResult {
  const table: [InputStream, Sink, Sink] = [fds.stdin, fds.stdout, fds.stderr]
  for (const redirect of redirects) {
    if (redirect.fd > 2) return { ok: false, message: { kind: 'bad-descriptor', fd: String(redirect.fd) } }
    if (redirect.kind === 'heredoc') {
      if (redirect.fd === 0) table[0] = new InputStream(host.expand(redirect.doc.body))
      continue
    }
    const target = host.expand(redirect.target)
    switch (redirect.op) {
      case '<':
      case '<>': {
        const input = openInput(target, host, redirect.op === '<>')
        if (!input.ok) return input
        if (redirect.fd === 0) table[0] = input.stream
        break
      }
      case '>&':
      case '<&': {
        if (target === '-') {
          if (redirect.fd === 0) table[0] = new InputStream('')
          else table[redirect.fd as 1 | 2] = discard
        } else if (target === '1' || target === '2') {
          if (redirect.fd !== 0) table[redirect.fd as 1 | 2] = table[Number(target) as 1 | 2]
        } else if (target !== '0' || redirect.fd !== 0) {
          return { ok: false, message: { kind: 'bad-descriptor', fd: target } }
        }
        break
      }
      default: {
        const sink = openOutput(target, host, redirect.op === '>>', table)
        if (!sink.ok) return sink
        if (redirect.fd === 0) break
        table[redirect.fd as 1 | 2] = sink.sink
      }
    }
  }
  return { ok: true, fds: { stdin: table[0], stdout: table[1], stderr: table[2] } }
}

function openInput(
  target: string,
  host: RedirectHost,
  create: boolean,
): { ok: true; stream: InputStream } | { ok: false; message: ShellMessage } {
  if (target === '/dev/null') return { ok: true, stream: new InputStream('') }
  const path = resolvePath(host.cwd, target)
  const read = host.fs.readFile(path)
  if (read.ok) return { ok: true, stream: new InputStream(read.value) }
  if (read.errno === 'ENOENT' && create) {
    const created = host.fs.writeFile(path, '', { append: true })
    if (created.ok) return { ok: true, stream: new InputStream('') }
    return { ok: false, message: { kind: 'cannot-create', path: target, errno: created.errno } }
  }
  return { ok: false, message: { kind: 'cannot-open', path: target, errno: read.errno } }
}

function openOutput(
  target: string,
  host: RedirectHost,
  append: boolean,
  table: readonly [InputStream, Sink, Sink],
): { ok: true; sink: Sink } | { ok: false; message: ShellMessage } {
  if (target === '/dev/null') return { ok: true, sink: discard }
  if (target === '/dev/stdout') return { ok: true, sink: table[1] }
  if (target === '/dev/stderr') return { ok: true, sink: table[2] }
  const path = resolvePath(host.cwd, target)
  const opened = append ? host.fs.writeFile(path, '', { append: true }) : host.fs.writeFile(path, '')
  if (!opened.ok) return { ok: false, message: { kind: 'cannot-create', path: target, errno: opened.errno } }
  return {
    ok: true,
    sink: (text) => {
      if (text !== '') host.fs.writeFile(path, text, { append: true })
    },
  }
}

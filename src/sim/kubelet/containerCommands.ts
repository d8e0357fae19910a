// `kubectl exec` and interactive shells in a container: which programs an image carries, what its
// filesystem starts with, and what the container runtime says when a program is missing.
// Images: busybox (busybox 1.28 applets, ash); registry.k8s.io/nginx-slim (Ubuntu 16.04
// "ubuntu-slim" with coreutils, dash, bash and curl 7.47 — the tutorial runs curl in it); the
// official nginx image (Debian, also with curl); anything else is a Debian base without curl.
// Simplification: a program is found by name in the image's list, not by searching $PATH in
// the filesystem (the /bin entries exist so `ls /bin` looks right).
import { InputStream, type Command } from '../../shell/command'
import type { ShellDialect } from '../../shell/dialect'
import { baseName, resolvePath, type ShellFileSystem } from '../../shell/fs'
import { createShell } from '../../shell/interpreter'
import { parseScript } from '../../shell/parser'
import { commandIO } from '../../shell/programIO'
import type { Descriptors } from '../../shell/redirect'
import { createApplets, type ContainerHost, type ExecSession, type Flavour } from '../../shell/userland'
import { nginxIndexPage } from '../../shell/userland/nginx'
import { buildTree, type Tree, type TreeEntry } from './filesystem'
import { imageInfo, imageRepository } from './images'

export type { ContainerHost, Flavour, HttpRequest, HttpResult, ProcessOutput } from '../../shell/userland'

export interface ImageProfile {
  readonly image: string
  readonly flavour: Flavour
  /** Program name → directory it lives in. */
  readonly programs: Readonly<Record<string, string>>
  /** The nginx version the image serves with (shown in its error pages), or null. */
  readonly nginxVersion: string | null
  readonly workingDir: string
}

const BUSYBOX_PROGRAMS = [
  'sh',
  'ash',
  'cat',
  'chmod',
  'echo',
  'env',
  'false',
  'hostname',
  'ls',
  'mkdir',
  'nslookup',
  'printf',
  'pwd',
  'rm',
  'rmdir',
  'sleep',
  'test',
  '[',
  'touch',
  'true',
  'wget',
]
const DEBIAN_BIN = [
  'bash',
  'cat',
  'chmod',
  'dash',
  'echo',
  'false',
  'hostname',
  'ls',
  'mkdir',
  'pwd',
  'rm',
  'rmdir',
  'sh',
  'sleep',
  'touch',
  'true',
]
const DEBIAN_USR_BIN = ['env', 'printf', 'test', '[']

/** nginx's current release, for `nginx` / `nginx:latest`. */
const NGINX_LATEST = '1.27.3'

/**
 * The nginx an image serves with. nginx-slim:0.7 dates from mid-2016; kubernetes/contrib's
 * history puts nginx 1.11.1 in it (inferred, not read from the image). Other nginx-slim tags
 * are assumed the same until someone checks them.
 */
export function nginxVersionFor(image: string): string | null {
  const repo = imageRepository(image)
  if (!repo.includes('nginx')) return null
  const reference = image.split('@')[0]!
  const tag =
    reference.lastIndexOf(':') > reference.lastIndexOf('/')
      ? reference.slice(reference.lastIndexOf(':') + 1)
      : 'latest'
  if (repo.endsWith('nginx-slim')) return '1.11.1'
  const version = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag)
  if (!version) return NGINX_LATEST
  return `${version[1]}.${version[2]}.${version[3] ?? '0'}`
}

/** Which programs `image` carries and how its userland behaves. */
export function commandsForImage(image: string): ImageProfile {
  const flavour = imageInfo(image).flavour
  const nginxVersion = nginxVersionFor(image)
  const programs: Record<string, string> = {}
  if (flavour === 'busybox') for (const p of BUSYBOX_PROGRAMS) programs[p] = '/bin'
  else {
    for (const p of DEBIAN_BIN) programs[p] = '/bin'
    for (const p of DEBIAN_USR_BIN) programs[p] = '/usr/bin'
    if (nginxVersion !== null) programs.curl = '/usr/bin'
  }
  return { image, flavour, programs, nginxVersion, workingDir: '/' }
}

export interface ContainerFiles {
  readonly hostname: string
  /** /etc/hosts as the kubelet writes it for the pod. */
  readonly hosts: string
  readonly resolvConf: string
}

/** The container's writable layer when it starts: the image's files plus the kubelet's /etc files. */
export function imageRootTree(profile: ImageProfile, files: ContainerFiles, mtime = 0): Tree {
  const entries: Record<string, TreeEntry> = {
    '/dev': { dir: true },
    '/proc': { dir: true, mode: 0o555 },
    '/sys': { dir: true, mode: 0o555 },
    '/root': { dir: true, mode: 0o700 },
    '/tmp': { dir: true, mode: 0o1777 },
    '/etc/hostname': `${files.hostname}\n`,
    '/etc/hosts': files.hosts,
    '/etc/resolv.conf': files.resolvConf,
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    '/etc/group': 'root:x:0:\n',
    '/home': { dir: true },
    '/usr/sbin': { dir: true },
    '/var': { dir: true },
  }
  for (const [program, dir] of Object.entries(profile.programs))
    entries[`${dir}/${program}`] = { content: '', mode: 0o755 }
  if (profile.flavour === 'debian') {
    for (const dir of [
      '/boot',
      '/lib',
      '/lib64',
      '/media',
      '/mnt',
      '/opt',
      '/run',
      '/sbin',
      '/srv',
      '/usr/lib',
      '/usr/local/bin',
      '/var/lib',
      '/var/log',
    ])
      entries[dir] = { dir: true }
  }
  if (profile.nginxVersion !== null) {
    entries['/usr/sbin/nginx'] = { content: '', mode: 0o755 }
    entries['/usr/share/nginx/html/index.html'] = nginxIndexPage(profile.nginxVersion)
    entries['/var/log/nginx/access.log'] = ''
    entries['/var/log/nginx/error.log'] = ''
  }
  return buildTree(entries, mtime)
}

export interface ExecResult {
  readonly stdout: string
  readonly stderr: string
  /** The program's exit status; 1 when it could not be started (kubectl's own status then). */
  readonly exitCode: number
  /**
   * The runtime could not start the program: stderr holds the whole line kubectl prints
   * (`error: Internal error occurred: ...`), and kubectl must not add "command terminated".
   */
  readonly startFailed: boolean
  /** Seconds of `sleep` the program asked for; the exec returns at once regardless. */
  readonly sleptSeconds: number
}

export interface ExecOptions {
  /** `kubectl exec -i` input. */
  readonly stdin?: string
  /** The runtime's exec id (64 hex digits, from the seeded rng); derived from the command when absent. */
  readonly execId?: string
}

/** Runs `argv` (what follows `kubectl exec POD --`) in the container, as the runtime would. */
export function execInContainer(
  argv: readonly string[],
  host: ContainerHost,
  fs: ShellFileSystem,
  profile: ImageProfile,
  options: ExecOptions = {},
): ExecResult {
  const session: ExecSession = { sleptSeconds: 0 }
  const commands = createApplets(profile.flavour, host, session, Object.keys(profile.programs))
  const startFailure = (reason: string): ExecResult => {
    const execId = options.execId ?? deterministicExecId(host.hostname, argv)
    const line = `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown\n`
    return { stdout: '', stderr: line, exitCode: 1, startFailed: true, sleptSeconds: 0 }
  }
  const name = argv[0] ?? ''
  const program = findProgram(name, commands, fs, profile)
  if (typeof program === 'string') return startFailure(program)
  let stdout = ''
  let stderr = ''
  const fds: Descriptors = {
    stdin: new InputStream(options.stdin ?? ''),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  }
  const run = (
    command: Command,
    args: readonly string[],
    programFds: Descriptors,
    env: Readonly<Record<string, string>>,
  ): number =>
    command(
      [...args],
      commandIO(
        programFds,
        { env, cwd: profile.workingDir, fs, depth: 0 },
        (childArgv, childFds, childEnv) => {
          const child = findProgram(childArgv[0] ?? '', commands, fs, profile)
          return typeof child === 'string' ? null : run(child, childArgv, childFds, childEnv)
        },
      ),
    )
  const exitCode = run(program, argv, fds, host.env)
  return { stdout, stderr, exitCode, startFailed: false, sleptSeconds: session.sleptSeconds }
}

/** The program `name` names, or the runtime's reason it cannot start. */
function findProgram(
  name: string,
  commands: Readonly<Record<string, Command>>,
  fs: ShellFileSystem,
  profile: ImageProfile,
): Command | string {
  if (!name.includes('/'))
    return Object.hasOwn(commands, name)
      ? commands[name]!
      : `exec: "${name}": executable file not found in $PATH`
  const path = resolvePath(profile.workingDir, name)
  const stat = fs.stat(path)
  if (!stat.ok) return `exec: "${name}": stat ${name}: no such file or directory`
  if (stat.value.type === 'dir' || (stat.value.mode & 0o111) === 0)
    return `exec: "${name}": permission denied`
  const applet = Object.hasOwn(commands, baseName(path)) ? commands[baseName(path)] : undefined
  const content = fs.readFile(path)
  if (content.ok && content.value.startsWith('#!')) return (argv, io) => io.exec(['sh', ...argv]) ?? 127
  return applet ?? 'exec format error'
}

/** A stable stand-in for the runtime's random exec id, so identical inputs give identical output. */
function deterministicExecId(hostname: string, argv: readonly string[]): string {
  let out = ''
  let hash = 0x811c9dc5
  const text = `${hostname}\0${argv.join('\0')}`
  while (out.length < 64) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
    hash = Math.imul(hash ^ out.length, 0x01000193) >>> 0
    out += hash.toString(16).padStart(8, '0')
  }
  return out
}

export interface InteractiveResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
  /** The shell ended (`exit`): the session is over. */
  readonly exited: boolean
  /** The line did not finish a command (open quote, `do` without `done`...): send more lines. */
  readonly needsMore: boolean
  readonly sleptSeconds: number
}

export interface InteractiveShell {
  /** What the shell prints before reading the next line (`/ # `, `# `, or `> ` inside a command). */
  prompt(): string
  input(line: string): InteractiveResult
}

/** An interactive `sh` (or `bash`) in the container, as `kubectl run -it` / `exec -it ... sh` give. */
export function startInteractiveShell(
  host: ContainerHost,
  fs: ShellFileSystem,
  profile: ImageProfile,
  program = 'sh',
): InteractiveShell {
  const session: ExecSession = { sleptSeconds: 0 }
  const commands = createApplets(profile.flavour, host, session, Object.keys(profile.programs))
  const dialect: ShellDialect =
    baseName(program) === 'bash' ? 'bash' : profile.flavour === 'busybox' ? 'ash' : 'dash'
  const shell = createShell({
    commands,
    fs,
    env: host.env,
    cwd: profile.workingDir,
    dialect,
    name: program,
    origin: 'interactive',
  })
  let pending = ''
  let nextLine = 1
  return {
    prompt() {
      if (pending !== '') return '> '
      if (dialect === 'ash') return `${shell.cwd} # `
      return dialect === 'bash' ? `root@${host.hostname}:${shell.cwd}# ` : '# '
    },
    input(line) {
      const source = `${pending}${line}\n`
      const parsed = parseScript(source, { interactive: true })
      if (!parsed.ok && parsed.error.incomplete) {
        pending = source
        return {
          stdout: '',
          stderr: '',
          exitCode: shell.lastStatus,
          exited: false,
          needsMore: true,
          sleptSeconds: 0,
        }
      }
      pending = ''
      session.sleptSeconds = 0
      const firstLine = nextLine
      nextLine += source.split('\n').length - 1
      const result = shell.runSource(source, { firstLine })
      return { ...result, needsMore: false, sleptSeconds: session.sleptSeconds }
    },
  }
}

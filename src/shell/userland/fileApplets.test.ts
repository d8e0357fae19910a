import { describe, expect, it } from 'vitest'
import { buildTree, createMountedFileSystem } from '../../sim/kubelet/filesystem'
import { runShellSource } from '../interpreter'
import type { ContainerHost, Flavour } from './host'
import { createApplets } from './index'
import { parseMode } from './fileApplets'

const NOV_26_2024 = Date.UTC(2024, 10, 26, 10, 39)

const host = (tty = false): ContainerHost => ({
  hostname: 'web-0',
  fqdn: 'web-0.nginx.default.svc.cluster.local',
  env: {},
  resolver: { nslookup: () => ({ stdout: '', stderr: '', exitCode: 0 }) },
  http: () => ({ kind: 'unresolved' }),
  tty,
  now: NOV_26_2024 + 60_000,
})

/** Runs `source` in a shell of the flavour's dialect, in /w of a fresh filesystem. */
function sh(flavour: Flavour, source: string, tty = false) {
  const fs = createMountedFileSystem({
    root: { id: 'r', tree: buildTree({ '/w': { dir: true } }, NOV_26_2024) },
    now: () => NOV_26_2024,
  })
  const commands = createApplets(flavour, host(tty), { sleptSeconds: 0 }, [
    'cat',
    'ls',
    'mkdir',
    'rm',
    'rmdir',
    'touch',
    'chmod',
  ])
  const result = runShellSource(source, {
    commands,
    fs,
    cwd: '/w',
    dialect: flavour === 'busybox' ? 'ash' : 'dash',
  })
  return { ...result, fs }
}

// Expected texts below were produced by busybox 1.35 and coreutils 9.1 in the C locale.
describe('cat', () => {
  it('prints files and reports a missing one the busybox way', () => {
    expect(sh('busybox', 'echo hi > f; cat f nope f; echo $?')).toMatchObject({
      stdout: 'hi\nhi\n1\n',
      stderr: "cat: can't open 'nope': No such file or directory\n",
    })
  })

  it('prints files and reports a missing one the coreutils way', () => {
    expect(sh('debian', 'echo hi > f; cat f nope f; echo $?')).toMatchObject({
      stdout: 'hi\nhi\n1\n',
      stderr: 'cat: nope: No such file or directory\n',
    })
  })

  it('reports a directory as each implementation does', () => {
    expect(sh('busybox', 'mkdir d; cat d').stderr).toBe('cat: read error: Is a directory\n')
    expect(sh('debian', 'mkdir d; cat d').stderr).toBe('cat: d: Is a directory\n')
  })

  it('copies standard input when given no file or -', () => {
    expect(sh('debian', 'echo x > f; cat < f; cat - < f').stdout).toBe('x\nx\n')
  })
})

describe('mkdir, rmdir and touch', () => {
  it('report existing and missing directories in busybox words', () => {
    expect(sh('busybox', 'mkdir a; mkdir a; mkdir -p a/b/c; mkdir x/y; echo $?')).toMatchObject({
      stdout: '1\n',
      stderr:
        "mkdir: can't create directory 'a': File exists\nmkdir: can't create directory 'x/y': No such file or directory\n",
    })
  })

  it('report existing and missing directories in coreutils words', () => {
    expect(sh('debian', 'mkdir a; mkdir a; mkdir x/y').stderr).toBe(
      "mkdir: cannot create directory 'a': File exists\nmkdir: cannot create directory 'x/y': No such file or directory\n",
    )
  })

  it('print usage for a missing operand', () => {
    expect(sh('debian', 'mkdir')).toMatchObject({
      stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
      exitCode: 1,
    })
    expect(sh('busybox', 'mkdir').stderr).toBe(
      'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n',
    )
  })

  it('apply -m to the new directory', () => {
    expect(sh('debian', 'mkdir -m 700 p; ls -ld p').stdout).toMatch(
      /^drwx------ 2 root root 4096 Nov 26 10:39 p\n$/,
    )
  })

  it('refuse to remove a non-empty directory or a file with rmdir', () => {
    expect(sh('busybox', 'mkdir -p d/e; touch d/e/f; rmdir d/e; touch f; rmdir f').stderr).toBe(
      "rmdir: 'd/e': Directory not empty\nrmdir: 'f': Not a directory\n",
    )
    expect(sh('debian', 'mkdir -p d/e; touch d/e/f; rmdir d/e').stderr).toBe(
      "rmdir: failed to remove 'd/e': Directory not empty\n",
    )
  })

  it('create an empty file with touch, unless -c', () => {
    const { fs } = sh('debian', 'touch new; touch -c other')
    expect(fs.readFile('/w/new')).toEqual({ ok: true, value: '' })
    expect(fs.exists('/w/other')).toBe(false)
  })
})

describe('rm', () => {
  it('needs -r for directories and -f to stay quiet about missing files', () => {
    expect(
      sh('busybox', 'mkdir d; rm d; echo $?; rm -r d; echo $?; rm nope; echo $?; rm -f nope; echo $?'),
    ).toMatchObject({
      stdout: '1\n0\n1\n0\n',
      stderr: "rm: 'd' is a directory\nrm: can't remove 'nope': No such file or directory\n",
    })
    expect(sh('debian', 'mkdir d; rm d; rm nope').stderr).toBe(
      "rm: cannot remove 'd': Is a directory\nrm: cannot remove 'nope': No such file or directory\n",
    )
  })

  it('keeps coreutils’ guard against removing / recursively', () => {
    expect(sh('debian', 'rm -rf /').stderr).toBe(
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    )
  })

  it('empties a mounted volume but cannot remove its mount point', () => {
    const fs = createMountedFileSystem({
      root: { id: 'r', tree: buildTree({ '/usr/share/nginx': { dir: true } }) },
      mounts: [{ id: 'pv', path: '/usr/share/nginx/html', tree: buildTree({ '/index.html': 'web-0\n' }) }],
    })
    const commands = createApplets('debian', host(), { sleptSeconds: 0 }, ['rm'])
    const result = runShellSource('rm -rf /usr/share/nginx/html', { commands, fs, dialect: 'dash' })
    expect(result.stderr).toBe("rm: cannot remove '/usr/share/nginx/html': Device or resource busy\n")
    expect(fs.list('/usr/share/nginx/html')).toEqual({ ok: true, value: [] })
  })
})

describe('chmod', () => {
  it('sets octal and symbolic modes', () => {
    expect(sh('debian', 'touch f; chmod 600 f; ls -l f; chmod u+x,g+r f; ls -l f').stdout).toBe(
      '-rw------- 1 root root 0 Nov 26 10:39 f\n-rwxr----- 1 root root 0 Nov 26 10:39 f\n',
    )
  })

  it('reports invalid modes and missing files in each flavour’s words', () => {
    expect(sh('debian', 'touch f; chmod nope f; chmod 755 missing').stderr).toBe(
      "chmod: invalid mode: 'nope'\nTry 'chmod --help' for more information.\nchmod: cannot access 'missing': No such file or directory\n",
    )
    expect(sh('busybox', 'chmod 755 missing').stderr).toBe('chmod: missing: No such file or directory\n')
  })

  it('parses symbolic clauses against the current mode', () => {
    expect(parseMode('go-w', 0o777)).toBe(0o755)
    expect(parseMode('a=r', 0o755)).toBe(0o444)
    expect(parseMode('+X', 0o644, true)).toBe(0o755)
    expect(parseMode('+X', 0o644, false)).toBe(0o644)
    expect(parseMode('u+q', 0o644)).toBeNull()
  })
})

describe('ls', () => {
  it('lists one name per line without a terminal, hiding dot files unless -a or -A', () => {
    const source = 'mkdir d; touch d/f1 d/.hidden; ls d; ls -a d; ls -A d'
    expect(sh('busybox', source).stdout).toBe('f1\n.\n..\n.hidden\nf1\n.hidden\nf1\n')
  })

  it('lists files before directories, with a header per directory', () => {
    expect(sh('debian', 'mkdir d; touch d/a d/b; ls -d d; ls d d/a').stdout).toBe('d\nd/a\n\nd:\na\nb\n')
  })

  it('prints the busybox long format', () => {
    expect(sh('busybox', 'echo hi > f; ls -l').stdout).toBe(
      'total 4\n-rw-r--r--    1 root     root             3 Nov 26 10:39 f\n',
    )
  })

  it('prints the coreutils long format with aligned columns', () => {
    expect(sh('debian', 'echo hi > f; ls -la').stdout).toBe(
      'total 12\ndrwxr-xr-x 2 root root 4096 Nov 26 10:39 .\ndrwxr-xr-x 3 root root 4096 Nov 26 10:39 ..\n-rw-r--r-- 1 root root    3 Nov 26 10:39 f\n',
    )
  })

  it('reports a missing file with each tool’s words and status', () => {
    expect(sh('busybox', 'ls nope; echo $?')).toMatchObject({
      stdout: '1\n',
      stderr: 'ls: nope: No such file or directory\n',
    })
    expect(sh('debian', 'ls nope; echo $?')).toMatchObject({
      stdout: '2\n',
      stderr: "ls: cannot access 'nope': No such file or directory\n",
    })
  })

  it('fills columns across 80 characters on a terminal', () => {
    const names = Array.from({ length: 12 }, (_, i) => `file-number-${i}`)
    const { stdout } = sh('debian', `touch ${names.join(' ')}; ls`, true)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.length).toBeLessThan(12)
    expect(lines.every((l) => l.length <= 80)).toBe(true)
    expect(lines[0]!.startsWith('file-number-0  ')).toBe(true)
  })

  it('rejects unknown options with each flavour’s usage hint', () => {
    expect(sh('debian', 'ls --frobnicate; echo $?')).toMatchObject({
      stdout: '2\n',
      stderr: "ls: unrecognized option '--frobnicate'\nTry 'ls --help' for more information.\n",
    })
    expect(sh('busybox', 'ls -Z').stderr).toMatch(
      /^ls: invalid option -- 'Z'\nBusyBox v1\.28\.4 .*\n\nUsage: ls /,
    )
  })
})

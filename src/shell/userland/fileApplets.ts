// cat, touch, mkdir, rm, rmdir, chmod over the container's filesystem, with busybox 1.28's or
// coreutils 8.25's messages (the latter as Ubuntu 16.04 ships it, in the C locale).
import type { Command, CommandIO } from '../command'
import { resolvePath, STRERROR, type Errno } from '../fs'
import type { Flavour } from './host'
import { missingOperand, parseArgs, usageError } from './options'

export function fileApplets(flavour: Flavour): Record<string, Command> {
  const busybox = flavour === 'busybox'
  const err = (io: CommandIO, text: string) => io.stderr(`${text}\n`)

  const cat: Command = (argv, io) => {
    const parsed = parseArgs(argv, { flags: 'nbvteAu' }, flavour)
    if (!parsed.ok) return usageError(io, flavour, 'cat', parsed.message)
    let status = 0
    for (const file of parsed.args.operands.length > 0 ? parsed.args.operands : ['-']) {
      if (file === '-') {
        io.stdout(io.stdin)
        continue
      }
      const read = io.fs.readFile(resolvePath(io.cwd, file))
      if (read.ok) io.stdout(read.value)
      else {
        status = 1
        if (read.errno === 'EISDIR')
          err(io, busybox ? 'cat: read error: Is a directory' : `cat: ${file}: Is a directory`)
        else
          err(
            io,
            busybox
              ? `cat: can't open '${file}': ${STRERROR[read.errno]}`
              : `cat: ${file}: ${STRERROR[read.errno]}`,
          )
      }
    }
    return status
  }

  const touch: Command = (argv, io) => {
    const parsed = parseArgs(argv, { flags: 'cham', values: 'dtr', long: { 'no-create': 'c' } }, flavour)
    if (!parsed.ok) return usageError(io, flavour, 'touch', parsed.message)
    if (parsed.args.operands.length === 0) return missingOperand(io, flavour, 'touch')
    let status = 0
    for (const file of parsed.args.operands) {
      const path = resolvePath(io.cwd, file)
      const stat = io.fs.stat(path)
      if (stat.ok && stat.value.type === 'dir') continue
      if (!stat.ok && parsed.args.flags.has('c')) continue
      const touched = io.fs.writeFile(path, '', { append: true })
      if (!touched.ok) {
        status = 1
        err(
          io,
          busybox
            ? `touch: ${file}: ${STRERROR[touched.errno]}`
            : `touch: cannot touch '${file}': ${STRERROR[touched.errno]}`,
        )
      }
    }
    return status
  }

  const mkdir: Command = (argv, io) => {
    const parsed = parseArgs(
      argv,
      { flags: 'pv', values: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } },
      flavour,
    )
    if (!parsed.ok) return usageError(io, flavour, 'mkdir', parsed.message)
    const { flags, values, operands } = parsed.args
    if (operands.length === 0) return missingOperand(io, flavour, 'mkdir')
    const mode = values.has('m') ? parseMode(values.get('m')!, 0o755) : null
    let status = 0
    for (const dir of operands) {
      const path = resolvePath(io.cwd, dir)
      const made = io.fs.mkdir(path, { parents: flags.has('p') })
      if (!made.ok) {
        status = 1
        err(
          io,
          busybox
            ? `mkdir: can't create directory '${dir}': ${STRERROR[made.errno]}`
            : `mkdir: cannot create directory '${dir}': ${STRERROR[made.errno]}`,
        )
      } else if (mode !== null) io.fs.chmod(path, mode)
    }
    return status
  }

  const rm: Command = (argv, io) => {
    const parsed = parseArgs(
      argv,
      {
        flags: 'irfRdv',
        long: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v', 'no-preserve-root': 'P' },
      },
      flavour,
    )
    if (!parsed.ok) return usageError(io, flavour, 'rm', parsed.message)
    const { flags, operands } = parsed.args
    const recursive = flags.has('r') || flags.has('R')
    const force = flags.has('f')
    if (operands.length === 0) return force ? 0 : missingOperand(io, flavour, 'rm')
    let status = 0
    const report = (file: string, errno: Errno) => {
      status = 1
      err(
        io,
        busybox
          ? `rm: can't remove '${file}': ${STRERROR[errno]}`
          : `rm: cannot remove '${file}': ${STRERROR[errno]}`,
      )
    }
    const removeTree = (file: string): void => {
      const path = resolvePath(io.cwd, file)
      const stat = io.fs.stat(path)
      if (!stat.ok) {
        if (!force || stat.errno !== 'ENOENT') report(file, stat.errno)
        return
      }
      if (stat.value.type === 'dir') {
        if (!recursive && !flags.has('d')) {
          status = 1
          err(io, busybox ? `rm: '${file}' is a directory` : `rm: cannot remove '${file}': Is a directory`)
          return
        }
        const names = io.fs.list(path)
        for (const name of recursive && names.ok ? names.value : [])
          removeTree(file.endsWith('/') ? `${file}${name}` : `${file}/${name}`)
      }
      const removed = io.fs.remove(path, { directory: stat.value.type === 'dir' })
      if (!removed.ok) report(file, removed.errno)
    }
    for (const file of operands) {
      if (recursive && !busybox && resolvePath(io.cwd, file) === '/' && !flags.has('P')) {
        err(
          io,
          `rm: it is dangerous to operate recursively on '${file}'\nrm: use --no-preserve-root to override this failsafe`,
        )
        status = 1
        continue
      }
      removeTree(file)
    }
    return status
  }

  const rmdir: Command = (argv, io) => {
    const parsed = parseArgs(argv, { flags: 'p', long: { parents: 'p' } }, flavour)
    if (!parsed.ok) return usageError(io, flavour, 'rmdir', parsed.message)
    if (parsed.args.operands.length === 0) return missingOperand(io, flavour, 'rmdir')
    let status = 0
    for (const dir of parsed.args.operands) {
      const path = resolvePath(io.cwd, dir)
      const stat = io.fs.stat(path)
      const removed =
        stat.ok && stat.value.type !== 'dir'
          ? ({ ok: false, errno: 'ENOTDIR' } as const)
          : io.fs.remove(path, { directory: true })
      if (!removed.ok) {
        status = 1
        err(
          io,
          busybox
            ? `rmdir: '${dir}': ${STRERROR[removed.errno]}`
            : `rmdir: failed to remove '${dir}': ${STRERROR[removed.errno]}`,
        )
      }
    }
    return status
  }

  const chmod: Command = (argv, io) => {
    const modeIndex = argv.findIndex((a, i) => i > 0 && !/^(-[Rcvf]+|--[a-z]+)$/.test(a))
    const parsed = parseArgs(
      [
        ...argv.slice(0, modeIndex < 0 ? argv.length : modeIndex),
        ...(modeIndex < 0 ? [] : ['--', ...argv.slice(modeIndex)]),
      ],
      { flags: 'Rcvf', long: { recursive: 'R', changes: 'c', verbose: 'v', silent: 'f', quiet: 'f' } },
      flavour,
    )
    if (!parsed.ok) return usageError(io, flavour, 'chmod', parsed.message)
    const [modeText, ...files] = parsed.args.operands
    if (modeText === undefined || files.length === 0) return missingOperand(io, flavour, 'chmod')
    let status = 0
    const apply = (file: string): void => {
      const path = resolvePath(io.cwd, file)
      const stat = io.fs.stat(path)
      if (!stat.ok) {
        status = 1
        err(
          io,
          busybox
            ? `chmod: ${file}: ${STRERROR[stat.errno]}`
            : `chmod: cannot access '${file}': ${STRERROR[stat.errno]}`,
        )
        return
      }
      const mode = parseMode(modeText, stat.value.mode, stat.value.type === 'dir')
      if (mode === null) {
        status = 1
        if (busybox) err(io, `chmod: invalid mode '${modeText}'`)
        else usageError(io, flavour, 'chmod', `chmod: invalid mode: '${modeText}'\n`)
        return
      }
      const changed = io.fs.chmod(path, mode)
      if (!changed.ok) {
        status = 1
        err(
          io,
          busybox
            ? `chmod: ${file}: ${STRERROR[changed.errno]}`
            : `chmod: changing permissions of '${file}': ${STRERROR[changed.errno]}`,
        )
      }
      const names = stat.value.type === 'dir' && parsed.args.flags.has('R') ? io.fs.list(path) : null
      for (const name of names?.ok ? names.value : []) apply(`${file}/${name}`)
    }
    files.forEach(apply)
    return status
  }

  return { cat, touch, mkdir, rm, rmdir, chmod }
}

/** An octal mode (`755`) or a symbolic one (`u+x`, `go-w`, `a=r,u+w`, `+X`) applied to `current`. */
export function parseMode(text: string, current: number, isDir = false): number | null {
  if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8) & 0o7777
  let mode = current
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause)
    if (!match) return null
    const [, who = '', op, perms = ''] = match
    const classes = who === '' || who.includes('a') ? 'ugo' : who
    let bits = 0
    for (const p of perms)
      bits |=
        p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || (p === 'X' && (isDir || (current & 0o111) !== 0)) ? 1 : 0
    for (const c of classes) {
      const shift = c === 'u' ? 6 : c === 'g' ? 3 : 0
      if (op === '+') mode |= bits << shift
      else if (op === '-') mode &= ~(bits << shift)
      else mode = (mode & ~(7 << shift)) | (bits << shift)
    }
  }
  return mode
}

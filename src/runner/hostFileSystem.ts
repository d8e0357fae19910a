// The runner's filesystem: the real one, so a script reads its manifests (and writes its
// redirections) exactly as bash would. Node-only; the session itself stays pure.
import * as fs from 'node:fs'
import type { FileStat, FsResult, ShellFileSystem } from '../shell/fs'
import { fail, ok } from '../shell/fs'

function errno(e: unknown): FsResult<never> {
  const code = (e as { code?: string }).code
  switch (code) {
    case 'ENOENT':
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'ENOTEMPTY':
    case 'EROFS':
    case 'EACCES':
    case 'EBUSY':
    case 'EINVAL':
      return fail(code)
    default:
      return fail('EINVAL')
  }
}

export const hostFileSystem: ShellFileSystem = {
  stat(path): FsResult<FileStat> {
    try {
      const s = fs.statSync(path)
      return ok({
        type: s.isDirectory() ? 'dir' : 'file',
        mode: s.mode & 0o777,
        size: s.size,
        mtime: s.mtimeMs,
        nlink: s.nlink,
      })
    } catch (e) {
      return errno(e)
    }
  },
  readFile(path) {
    try {
      return ok(fs.readFileSync(path, 'utf8'))
    } catch (e) {
      return errno(e)
    }
  },
  writeFile(path, content, options) {
    try {
      if (options?.append) fs.appendFileSync(path, content)
      else fs.writeFileSync(path, content)
      return ok(undefined)
    } catch (e) {
      return errno(e)
    }
  },
  list(path) {
    try {
      return ok(fs.readdirSync(path).sort())
    } catch (e) {
      return errno(e)
    }
  },
  mkdir(path, options) {
    try {
      fs.mkdirSync(path, { recursive: !!options?.parents })
      return ok(undefined)
    } catch (e) {
      return errno(e)
    }
  },
  remove(path, options) {
    try {
      if (options?.recursive) fs.rmSync(path, { recursive: true })
      else if (options?.directory) fs.rmdirSync(path)
      else fs.unlinkSync(path)
      return ok(undefined)
    } catch (e) {
      return errno(e)
    }
  },
  chmod(path, mode) {
    try {
      fs.chmodSync(path, mode)
      return ok(undefined)
    } catch (e) {
      return errno(e)
    }
  },
}

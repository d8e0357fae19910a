// The filesystem as the shell and its applets see it. The shell resolves every path against its
// working directory before calling in, so implementations only ever receive absolute, normalised
// paths. Errors are errno codes; the wording belongs to whichever program reports them.

export type Errno =
  'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS' | 'EACCES' | 'EBUSY' | 'EINVAL'

export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno }

export interface FileStat {
  type: 'file' | 'dir'
  /** Permission bits only (0o755), as `chmod` sets them. */
  mode: number
  /** Bytes of UTF-8 for files; 4096 for directories, as ext4 reports them. */
  size: number
  /** Milliseconds since the epoch, on the simulated clock. */
  mtime: number
  nlink: number
}

export interface ShellFileSystem {
  stat(path: string): FsResult<FileStat>
  readFile(path: string): FsResult<string>
  writeFile(path: string, content: string, options?: { append?: boolean }): FsResult<void>
  /** Entry names of a directory, sorted bytewise, without `.` and `..`. */
  list(path: string): FsResult<string[]>
  mkdir(path: string, options?: { parents?: boolean }): FsResult<void>
  /**
   * Removes a file. A directory needs `directory` (then it must be empty, as rmdir) or
   * `recursive` (everything below is removed first; the first failure is returned).
   */
  remove(path: string, options?: { recursive?: boolean; directory?: boolean }): FsResult<void>
  chmod(path: string, mode: number): FsResult<void>
}

/** glibc's strerror texts, which coreutils, busybox and the shells all print. */
export const STRERROR: Readonly<Record<Errno, string>> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
}

export const ok = <T>(value: T): FsResult<T> => ({ ok: true, value })
export const fail = <T = never>(errno: Errno): FsResult<T> => ({ ok: false, errno })

/** `path` made absolute against `cwd`, with `.`, `..` and repeated slashes resolved. */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`
  const out: string[] = []
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') out.pop()
    else out.push(segment)
  }
  return `/${out.join('/')}`
}

export function pathSegments(absolutePath: string): string[] {
  return absolutePath.split('/').filter((s) => s !== '')
}

export function baseName(path: string): string {
  const segments = pathSegments(path)
  return segments[segments.length - 1] ?? '/'
}

export function parentPath(absolutePath: string): string {
  const segments = pathSegments(absolutePath)
  return `/${segments.slice(0, -1).join('/')}`
}

/** Length in UTF-8 bytes, which is what `ls` and `Content-Length` count. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

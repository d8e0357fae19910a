import { describe, expect, it } from 'vitest'
import { buildTree, createMountedFileSystem, nodeAt, withNode, type Tree } from './filesystem'

const imageTree = (): Tree =>
  buildTree({
    '/usr/share/nginx/html/index.html': 'Welcome to nginx!\n',
    '/usr/share/nginx/html/50x.html': 'error\n',
    '/etc/hostname': 'web-0\n',
    '/tmp': { dir: true, mode: 0o1777 },
  })

function mounted(options: { volume?: Tree; readOnly?: boolean } = {}) {
  const changes: [string, Tree][] = []
  let clock = 1000
  const fs = createMountedFileSystem({
    root: { id: 'container-1', tree: imageTree() },
    mounts: [
      {
        id: 'pv-www-web-0',
        path: '/usr/share/nginx/html',
        tree: options.volume ?? buildTree({}),
        readOnly: options.readOnly ?? false,
      },
    ],
    now: () => clock++,
    onChange: (id, tree) => changes.push([id, tree]),
  })
  return { fs, changes }
}

describe('trees', () => {
  it('share untouched subtrees and leave the old tree as it was', () => {
    const before = imageTree()
    const after = withNode(
      before,
      ['etc', 'motd'],
      { kind: 'file', content: 'hi\n', mode: 0o644, mtime: 5 },
      5,
    )
    expect(nodeAt(before, ['etc', 'motd']).ok).toBe(false)
    expect(nodeAt(after, ['etc', 'motd'])).toMatchObject({ ok: true, value: { content: 'hi\n' } })
    expect(after.children.usr).toBe(before.children.usr)
  })

  it('tell a missing entry from a path through a file', () => {
    expect(nodeAt(imageTree(), ['etc', 'nope'])).toEqual({ ok: false, errno: 'ENOENT' })
    expect(nodeAt(imageTree(), ['etc', 'hostname', 'x'])).toEqual({ ok: false, errno: 'ENOTDIR' })
  })
})

describe('a mounted filesystem', () => {
  it('hides what the image had under a mount point, as a real mount does', () => {
    const { fs } = mounted()
    expect(fs.list('/usr/share/nginx/html')).toEqual({ ok: true, value: [] })
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toEqual({ ok: false, errno: 'ENOENT' })
  })

  it('shows the volume’s own files at the mount point', () => {
    const { fs } = mounted({ volume: buildTree({ '/index.html': 'web-0\n' }) })
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toEqual({ ok: true, value: 'web-0\n' })
  })

  it('reports writes under the mount to the volume’s id and others to the container layer', () => {
    const { fs, changes } = mounted()
    fs.writeFile('/usr/share/nginx/html/index.html', 'web-0\n')
    fs.writeFile('/tmp/scratch', 'x')
    expect(changes.map(([id]) => id)).toEqual(['pv-www-web-0', 'container-1'])
    const [, volume] = changes[0]!
    expect(nodeAt(volume, ['index.html'])).toMatchObject({
      ok: true,
      value: { content: 'web-0\n', mode: 0o644 },
    })
    expect(fs.tree('pv-www-web-0')).toBe(volume)
  })

  it('lets a volume written by one container be mounted by the next, as PVs outlive pods', () => {
    const first = mounted()
    first.fs.writeFile('/usr/share/nginx/html/index.html', 'web-0\n')
    const saved = first.fs.tree('pv-www-web-0')!
    const second = mounted({ volume: saved })
    expect(second.fs.readFile('/usr/share/nginx/html/index.html')).toEqual({ ok: true, value: 'web-0\n' })
    expect(second.fs.readFile('/tmp/scratch')).toEqual({ ok: false, errno: 'ENOENT' })
  })

  it('appends, overwrites and stamps modification times from the simulated clock', () => {
    const { fs } = mounted()
    fs.writeFile('/tmp/log', 'a')
    fs.writeFile('/tmp/log', 'b', { append: true })
    expect(fs.readFile('/tmp/log')).toEqual({ ok: true, value: 'ab' })
    fs.writeFile('/tmp/log', 'c')
    expect(fs.stat('/tmp/log')).toMatchObject({ ok: true, value: { type: 'file', size: 1, mtime: 1002 } })
  })

  it('creates directories, with -p across the mount boundary', () => {
    const { fs, changes } = mounted()
    expect(fs.mkdir('/usr/share/nginx/html/a/b')).toEqual({ ok: false, errno: 'ENOENT' })
    expect(fs.mkdir('/usr/share/nginx/html/a/b', { parents: true })).toEqual({ ok: true, value: undefined })
    expect(fs.stat('/usr/share/nginx/html/a/b')).toMatchObject({
      ok: true,
      value: { type: 'dir', mode: 0o755 },
    })
    expect(changes.every(([id]) => id === 'pv-www-web-0')).toBe(true)
    expect(fs.mkdir('/etc')).toEqual({ ok: false, errno: 'EEXIST' })
    expect(fs.mkdir('/etc/hostname/x', { parents: true })).toEqual({ ok: false, errno: 'ENOTDIR' })
  })

  it('returns errno codes for impossible operations', () => {
    const { fs } = mounted({ volume: buildTree({ '/sub/f': 'x' }) })
    expect(fs.readFile('/etc')).toEqual({ ok: false, errno: 'EISDIR' })
    expect(fs.writeFile('/etc', 'x')).toEqual({ ok: false, errno: 'EISDIR' })
    expect(fs.writeFile('/nope/f', 'x')).toEqual({ ok: false, errno: 'ENOENT' })
    expect(fs.writeFile('/etc/hostname/f', 'x')).toEqual({ ok: false, errno: 'ENOTDIR' })
    expect(fs.list('/etc/hostname')).toEqual({ ok: false, errno: 'ENOTDIR' })
    expect(fs.remove('/etc')).toEqual({ ok: false, errno: 'EISDIR' })
    expect(fs.remove('/usr/share/nginx/html/sub', { directory: true })).toEqual({
      ok: false,
      errno: 'ENOTEMPTY',
    })
    expect(fs.remove('/nope')).toEqual({ ok: false, errno: 'ENOENT' })
  })

  it('refuses to remove a mount point, but empties it when asked to recurse', () => {
    const { fs } = mounted({ volume: buildTree({ '/index.html': 'x', '/sub/f': 'y' }) })
    expect(fs.remove('/usr/share/nginx/html', { recursive: true })).toEqual({ ok: false, errno: 'EBUSY' })
    expect(fs.list('/usr/share/nginx/html')).toEqual({ ok: true, value: [] })
    expect(fs.exists('/usr/share/nginx/html')).toBe(true)
  })

  it('refuses every change on a read-only mount with EROFS', () => {
    const { fs, changes } = mounted({ volume: buildTree({ '/index.html': 'x' }), readOnly: true })
    expect(fs.writeFile('/usr/share/nginx/html/index.html', 'y')).toEqual({ ok: false, errno: 'EROFS' })
    expect(fs.mkdir('/usr/share/nginx/html/d')).toEqual({ ok: false, errno: 'EROFS' })
    expect(fs.remove('/usr/share/nginx/html/index.html')).toEqual({ ok: false, errno: 'EROFS' })
    expect(fs.chmod('/usr/share/nginx/html', 0o700)).toEqual({ ok: false, errno: 'EROFS' })
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toEqual({ ok: true, value: 'x' })
    expect(changes).toEqual([])
  })

  it('changes a mount point’s mode on the volume’s root', () => {
    const { fs, changes } = mounted()
    fs.chmod('/usr/share/nginx/html', 0o700)
    expect(fs.stat('/usr/share/nginx/html')).toMatchObject({ ok: true, value: { mode: 0o700 } })
    expect(changes[0]![0]).toBe('pv-www-web-0')
    expect(changes[0]![1].mode).toBe(0o700)
  })

  it('creates missing mount-point directories in the container layer, as the runtime does', () => {
    const changes: string[] = []
    const fs = createMountedFileSystem({
      root: { id: 'c', tree: buildTree({ '/etc/hostname': 'x' }) },
      mounts: [{ id: 'data', path: '/var/lib/data', tree: buildTree({ '/db': 'rows' }) }],
      onChange: (id) => changes.push(id),
    })
    expect(fs.list('/var/lib')).toEqual({ ok: true, value: ['data'] })
    expect(fs.readFile('/var/lib/data/db')).toEqual({ ok: true, value: 'rows' })
    expect(changes).toEqual(['c'])
  })

  it('counts links and sizes as ls expects them', () => {
    const { fs } = mounted({ volume: buildTree({ '/é.txt': 'héllo' }) })
    expect(fs.stat('/usr/share/nginx')).toMatchObject({ ok: true, value: { nlink: 3, size: 4096 } })
    expect(fs.stat('/usr/share/nginx/html/é.txt')).toMatchObject({ ok: true, value: { size: 6, nlink: 1 } })
  })

  it('treats a file named like an Object property as an ordinary name', () => {
    const { fs } = mounted()
    expect(fs.readFile('/tmp/constructor')).toEqual({ ok: false, errno: 'ENOENT' })
    fs.writeFile('/tmp/__proto__', 'safe')
    expect(fs.list('/tmp')).toEqual({ ok: true, value: ['__proto__'] })
    expect(fs.readFile('/tmp/__proto__')).toEqual({ ok: true, value: 'safe' })
  })
})

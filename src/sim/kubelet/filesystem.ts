// A container's filesystem: immutable trees (the image's writable layer, and one per volume)
// seen through mount points, as the container runtime assembles them. A volume mounted at
// /usr/share/nginx/html hides what the image had there, as a bind mount does. Every write
// produces a new tree for the layer it lands in and reports it through `onChange(treeId, tree)`,
// so the kubelet can keep volumes (keyed by PV name) after the pod is gone.
// Simplifications: no symlinks, owners or hard links; the container runs as root, so permission
// bits are stored and shown but never refuse access (read-only mounts do, with EROFS).
import {
  baseName,
  fail,
  ok,
  parentPath,
  pathSegments,
  utf8Length,
  type Errno,
  type FileStat,
  type FsResult,
  type ShellFileSystem,
} from '../../shell/fs'

export interface FileNode {
  readonly kind: 'file'
  readonly content: string
  readonly mode: number
  readonly mtime: number
}

export interface DirNode {
  readonly kind: 'dir'
  readonly mode: number
  readonly mtime: number
  readonly children: Readonly<Record<string, FsNode>>
}

export type FsNode = FileNode | DirNode
/** A filesystem tree is its root directory. */
export type Tree = DirNode

export type TreeEntry = string | { content: string; mode?: number } | { dir: true; mode?: number }

/** A tree holding `entries` (absolute paths; parents are created as 0755 directories). */
export function buildTree(entries: Readonly<Record<string, TreeEntry>>, mtime = 0): Tree {
  let tree: Tree = { kind: 'dir', mode: 0o755, mtime, children: {} }
  for (const [path, entry] of Object.entries(entries)) {
    const segments = pathSegments(path)
    for (let i = 1; i < segments.length; i++) {
      if (!nodeAt(tree, segments.slice(0, i)).ok)
        tree = withNode(tree, segments.slice(0, i), { kind: 'dir', mode: 0o755, mtime, children: {} }, mtime)
    }
    const node: FsNode =
      typeof entry === 'string'
        ? { kind: 'file', content: entry, mode: 0o644, mtime }
        : 'dir' in entry
          ? { kind: 'dir', mode: entry.mode ?? 0o755, mtime, children: {} }
          : { kind: 'file', content: entry.content, mode: entry.mode ?? 0o644, mtime }
    tree = withNode(tree, segments, node, mtime)
  }
  return tree
}

/** The node at `segments` below `tree`'s root, or why there is none. */
export function nodeAt(tree: Tree, segments: readonly string[]): FsResult<FsNode> {
  let node: FsNode = tree
  for (const name of segments) {
    if (node.kind !== 'dir') return fail('ENOTDIR')
    if (!Object.hasOwn(node.children, name)) return fail('ENOENT')
    node = node.children[name]!
  }
  return ok(node)
}

/** A new tree with `node` at `segments` (or that entry removed when null); shares untouched subtrees. */
export function withNode(tree: Tree, segments: readonly string[], node: FsNode | null, mtime: number): Tree {
  if (segments.length === 0) {
    if (node?.kind !== 'dir') throw new Error('the root of a tree must be a directory')
    return node
  }
  const [name, ...rest] = segments as [string, ...string[]]
  const child = Object.hasOwn(tree.children, name) ? tree.children[name] : undefined
  if (rest.length > 0) {
    if (child?.kind !== 'dir') throw new Error(`no directory ${name} on the way`)
    return { ...tree, children: { ...tree.children, [name]: withNode(child, rest, node, mtime) } }
  }
  const children: Record<string, FsNode> = { ...tree.children }
  if (node === null) delete children[name]
  // defineProperty, not assignment: a file may be called `__proto__`.
  else
    Object.defineProperty(children, name, {
      value: node,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  const entriesChanged = node === null || child === undefined
  return { ...tree, children, mtime: entriesChanged ? mtime : tree.mtime }
}

export interface Layer {
  /** The key under which changes are reported: the container's id for its writable layer, the PV name for a volume. */
  readonly id: string
  readonly tree: Tree
  readonly readOnly?: boolean
}

export interface Mount extends Layer {
  /** Absolute path in the container. */
  readonly path: string
}

export interface MountedFileSystemOptions {
  readonly root: Layer
  readonly mounts?: readonly Mount[]
  /** Simulated time in ms for modification times; default 0. */
  readonly now?: () => number
  readonly onChange?: (treeId: string, tree: Tree) => void
}

export interface MountedFileSystem extends ShellFileSystem {
  /** The current tree of layer `id` (root or a mount), after every write so far. */
  tree(id: string): Tree | undefined
  exists(path: string): boolean
}

interface Located {
  readonly layer: Layer
  /** Path below the layer's root. */
  readonly segments: readonly string[]
  /** The path is `/` or a mount point: it cannot be removed or replaced. */
  readonly isLayerRoot: boolean
}

/**
 * A view of `root` with `mounts` attached. Missing mount-point directories are created in the
 * root layer first, as the runtime does (and reported through onChange).
 */
export function createMountedFileSystem(options: MountedFileSystemOptions): MountedFileSystem {
  const now = options.now ?? (() => 0)
  const layers = new Map<string, Layer>([[options.root.id, options.root]])
  const mounts = [...(options.mounts ?? [])]
    .map((m) => ({ ...m, segments: pathSegments(m.path) }))
    .sort((a, b) => b.segments.length - a.segments.length)
  for (const m of mounts) layers.set(m.id, m)

  const commit = (layer: Layer, tree: Tree): void => {
    layers.set(layer.id, { ...layer, tree })
    options.onChange?.(layer.id, tree)
  }

  const locate = (path: string): Located => {
    const segments = pathSegments(path)
    for (const m of mounts) {
      if (m.segments.length <= segments.length && m.segments.every((s, i) => s === segments[i])) {
        return {
          layer: layers.get(m.id)!,
          segments: segments.slice(m.segments.length),
          isLayerRoot: m.segments.length === segments.length,
        }
      }
    }
    return { layer: layers.get(options.root.id)!, segments, isLayerRoot: segments.length === 0 }
  }

  const mountNamesUnder = (path: string): string[] => {
    const segments = pathSegments(path)
    return mounts
      .filter(
        (m) => m.segments.length === segments.length + 1 && segments.every((s, i) => s === m.segments[i]),
      )
      .map((m) => m.segments[m.segments.length - 1]!)
  }

  const lookup = (path: string): FsResult<FsNode> => {
    const { layer, segments } = locate(path)
    return nodeAt(layer.tree, segments)
  }

  // The runtime creates missing mount points (shallowest first) before it mounts anything there.
  for (const m of [...mounts].reverse()) {
    const { layer, segments } = locate(parentPath(m.path))
    const missing = [...segments, baseName(m.path)]
    if (layer.readOnly || nodeAt(layer.tree, missing).ok) continue
    let tree = layer.tree
    const time = now()
    for (let i = 1; i <= missing.length; i++) {
      if (!nodeAt(tree, missing.slice(0, i)).ok)
        tree = withNode(
          tree,
          missing.slice(0, i),
          { kind: 'dir', mode: 0o755, mtime: time, children: {} },
          time,
        )
    }
    commit(layer, tree)
  }

  const list = (path: string): FsResult<string[]> => {
    const node = lookup(path)
    if (!node.ok) return node
    if (node.value.kind !== 'dir') return fail('ENOTDIR')
    return ok([...new Set([...Object.keys(node.value.children), ...mountNamesUnder(path)])].sort())
  }

  /** Checks the parent of a new or replaced entry: it must be a directory on a writable layer. */
  const writableEntry = (path: string): FsResult<Located> => {
    const located = locate(path)
    if (located.isLayerRoot) return fail(located.layer.readOnly ? 'EROFS' : 'EBUSY')
    const parent = nodeAt(located.layer.tree, located.segments.slice(0, -1))
    if (!parent.ok) return parent
    if (parent.value.kind !== 'dir') return fail('ENOTDIR')
    if (located.layer.readOnly) return fail('EROFS')
    return ok(located)
  }

  const mkdirOne = (path: string): FsResult<void> => {
    if (lookup(path).ok) return fail('EEXIST')
    const target = writableEntry(path)
    if (!target.ok) return target
    const { layer, segments } = target.value
    const time = now()
    commit(
      layer,
      withNode(layer.tree, segments, { kind: 'dir', mode: 0o755, mtime: time, children: {} }, time),
    )
    return ok(undefined)
  }

  const removeOne = (path: string, directory: boolean): FsResult<void> => {
    const node = lookup(path)
    if (!node.ok) return node
    if (node.value.kind === 'dir') {
      if (!directory) return fail('EISDIR')
      const entries = list(path)
      if (entries.ok && entries.value.length > 0) return fail('ENOTEMPTY')
    }
    const target = writableEntry(path)
    if (!target.ok) return target
    const { layer, segments } = target.value
    commit(layer, withNode(layer.tree, segments, null, now()))
    return ok(undefined)
  }

  const removeRecursive = (path: string): FsResult<void> => {
    const node = lookup(path)
    if (!node.ok) return node
    let first: Errno | null = null
    if (node.value.kind === 'dir') {
      const entries = list(path)
      for (const name of entries.ok ? entries.value : []) {
        const removed = removeRecursive(`${path === '/' ? '' : path}/${name}`)
        if (!removed.ok) first ??= removed.errno
      }
    }
    const removed = removeOne(path, true)
    if (!removed.ok) first ??= removed.errno
    return first === null ? ok(undefined) : fail(first)
  }

  return {
    tree: (id) => layers.get(id)?.tree,
    exists: (path) => lookup(path).ok,
    stat(path): FsResult<FileStat> {
      const node = lookup(path)
      if (!node.ok) return node
      const n = node.value
      if (n.kind === 'file')
        return ok({ type: 'file', mode: n.mode, size: utf8Length(n.content), mtime: n.mtime, nlink: 1 })
      const subdirs = Object.values(n.children).filter((c) => c.kind === 'dir').length
      const mountedHere = mountNamesUnder(path).filter((name) => !Object.hasOwn(n.children, name)).length
      return ok({ type: 'dir', mode: n.mode, size: 4096, mtime: n.mtime, nlink: 2 + subdirs + mountedHere })
    },
    readFile(path) {
      const node = lookup(path)
      if (!node.ok) return node
      return node.value.kind === 'file' ? ok(node.value.content) : fail('EISDIR')
    },
    writeFile(path, content, writeOptions = {}) {
      const existing = lookup(path)
      if (existing.ok && existing.value.kind === 'dir') return fail('EISDIR')
      const target = writableEntry(path)
      if (!target.ok) return target
      const { layer, segments } = target.value
      const previous = existing.ok && existing.value.kind === 'file' ? existing.value : null
      const time = now()
      const file: FileNode = {
        kind: 'file',
        content: writeOptions.append && previous ? previous.content + content : content,
        mode: previous?.mode ?? 0o644,
        mtime: time,
      }
      commit(layer, withNode(layer.tree, segments, file, time))
      return ok(undefined)
    },
    list,
    mkdir(path, mkdirOptions = {}) {
      if (!mkdirOptions.parents) return mkdirOne(path)
      const segments = pathSegments(path)
      for (let i = 1; i <= segments.length; i++) {
        const prefix = `/${segments.slice(0, i).join('/')}`
        const node = lookup(prefix)
        if (node.ok && node.value.kind === 'dir') continue
        if (node.ok) return fail('ENOTDIR')
        const made = mkdirOne(prefix)
        if (!made.ok) return made
      }
      return ok(undefined)
    },
    remove(path, removeOptions = {}) {
      return removeOptions.recursive
        ? removeRecursive(path)
        : removeOne(path, removeOptions.directory ?? false)
    },
    chmod(path, mode) {
      const { layer, segments } = locate(path)
      const node = nodeAt(layer.tree, segments)
      if (!node.ok) return node
      if (layer.readOnly) return fail('EROFS')
      commit(
        layer,
        segments.length === 0
          ? { ...layer.tree, mode }
          : withNode(layer.tree, segments, { ...node.value, mode }, now()),
      )
      return ok(undefined)
    },
  }
}

// The editor's text read the way `kubectl apply -f` reads a file (src/kubectl/manifests.ts):
// documents in order, `kind: List` flattened, each checked for kind/apiVersion/name and mapped
// to a served kind, with kubectl's error text; a YAML error ends the stream at that document.
// Unlike kubectl, every object keeps the position index of the document it came from, and a key
// written twice in a mapping is pointed out (kubectl keeps the last value without a word).
import type { KubeObject } from '../sim/model'
import { kindInfo, type KindInfo } from '../sim/model/kinds'
import { parseErrorMessage, parseManifests } from './parse'
import { duplicateKeys, indexChunk, positionIn, type DocumentIndex, type SourceRange } from './positions'

export interface LoadedObject {
  doc: DocumentIndex
  /** Path of the object inside its document: '' or `items[0].` for a List's items. */
  prefix: string
  /** The object as kubectl sends it (namespace filled in); undefined when kubectl rejects it. */
  item?: { object: KubeObject; info: KindInfo }
  /** kubectl's client-side error (`error: …`) and the field it is about. */
  error?: { message: string; path: string }
}

export interface LoadedManifests {
  objects: LoadedObject[]
  syntaxError?: { range: SourceRange; message: string }
  /** Keys written twice in one mapping: the later entry, and what to say about it. */
  duplicates: { range: SourceRange; message: string }[]
}

export function loadDocuments(text: string, source: string): LoadedManifests {
  const parsed = parseManifests(text)
  const objects: LoadedObject[] = []
  const duplicates: LoadedManifests['duplicates'] = []
  for (const document of parsed.documents) {
    const doc = indexChunk(document.chunk, document.events)
    for (const { value, prefix } of flattenLists(document.value, ''))
      objects.push({ doc, prefix, ...toItem(value, source) })
    for (const { entry, first } of duplicateKeys(doc.root)) {
      const at = positionIn(doc, entry.keyStart)
      const range = {
        ...at,
        endLine: at.line,
        endColumn: at.column + Math.max(1, entry.keyEnd - entry.keyStart),
      }
      const firstLine = positionIn(doc, first.keyStart).line
      const message = `duplicate key "${entry.key}" (first at line ${firstLine}): kubectl keeps this value and drops the earlier one without a warning`
      duplicates.push({ range, message })
    }
  }
  const e = parsed.error
  if (!e) return { objects, duplicates }
  return {
    objects,
    duplicates,
    syntaxError: {
      range: { line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 },
      message: parseErrorMessage(source, e),
    },
  }
}

function flattenLists(value: unknown, prefix: string): { value: unknown; prefix: string }[] {
  const v = value as { kind?: unknown; items?: unknown }
  if (v && typeof v === 'object' && v.kind === 'List' && Array.isArray(v.items))
    return v.items.flatMap((item, i) => flattenLists(item, `${prefix}items[${i}].`))
  return [{ value, prefix }]
}

/** kubectl decodes `metadata` before mapping the kind: anything but a mapping fails there. */
export function metadataTypeError(metadata: unknown, source: string): string | undefined {
  if (
    metadata === undefined ||
    metadata === null ||
    (typeof metadata === 'object' && !Array.isArray(metadata))
  )
    return undefined
  const type = Array.isArray(metadata) ? 'array' : typeof metadata === 'boolean' ? 'bool' : typeof metadata
  return `unable to decode "${source}": json: cannot unmarshal ${type} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`
}

const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false'

function toItem(value: unknown, source: string): Pick<LoadedObject, 'item' | 'error'> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    // kubectl's schema validation (getObjectKind) before anything is sent.
    const message = `error: error validating "${source}": error validating data: invalid object to validate; ${VALIDATE_HINT}`
    return { error: { message, path: '' } }
  }
  const obj = value as Partial<KubeObject> & Record<string, unknown>
  const missing = [obj.apiVersion ? '' : 'apiVersion not set', obj.kind ? '' : 'kind not set'].filter(Boolean)
  if (missing.length) {
    const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
    const message = `error: error validating "${source}": error validating data: ${list}; ${VALIDATE_HINT}`
    return { error: { message, path: obj.kind ? 'apiVersion' : 'kind' } }
  }
  const undecodable = metadataTypeError(obj.metadata, source)
  if (undecodable) return { error: { message: `error: ${undecodable}`, path: 'metadata' } }
  const meta = (obj.metadata ?? {}) as KubeObject['metadata']
  const info = kindInfo(String(obj.kind))
  if (!info || info.apiVersion !== obj.apiVersion) {
    const message = `error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${String(obj.kind)}" in version "${String(obj.apiVersion)}"\nensure CRDs are installed first`
    return { error: { message, path: info ? 'apiVersion' : 'kind' } }
  }
  const namespace = info.namespaced ? meta.namespace || 'default' : meta.namespace
  if (!meta.name) {
    const group = info.group ? `${info.group}/` : '/'
    const message = `error: error when retrieving current configuration of:\nResource: "${group}v1, Resource=${info.resource}", GroupVersionKind: "${group}v1, Kind=${info.kind}"\nName: "", Namespace: "${info.namespaced ? namespace : ''}"\nfrom server for: "${source}": resource name may not be empty`
    return { error: { message, path: 'metadata.name' } }
  }
  const object = { ...obj, metadata: { ...meta, ...(info.namespaced ? { namespace } : {}) } } as KubeObject
  return { item: { object, info } }
}

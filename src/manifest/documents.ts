// The editor's text read the way `kubectl apply -f` reads a file (src/kubectl/manifests.ts):
// documents in order, `kind: List` flattened, each checked for kind/apiVersion/name and mapped
// to a served kind, with kubectl's error text; a YAML error ends the stream at that document.
// Unlike kubectl, every object keeps the position index of the document it came from.
import type { KubeObject } from '../sim/model'
import { kindInfo, type KindInfo } from '../sim/model/kinds'
import { parseManifests, yamlErrorMessage } from './parse'
import { indexDocuments, type DocumentIndex, type SourceRange } from './positions'

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
}

export function loadDocuments(text: string, source: string): LoadedManifests {
  const parsed = parseManifests(text)
  const byLine = new Map(indexDocuments(text).map((d) => [d.startLine, d]))
  const objects: LoadedObject[] = []
  for (const document of parsed.documents) {
    const doc = byLine.get(document.startLine)
    if (!doc) continue
    for (const { value, prefix } of flattenLists(document.value, ''))
      objects.push({ doc, prefix, ...toItem(value, source) })
  }
  const e = parsed.error
  if (!e) return { objects }
  return {
    objects,
    syntaxError: {
      range: { line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 },
      message: `error: ${yamlErrorMessage(source, e)}`,
    },
  }
}

function flattenLists(value: unknown, prefix: string): { value: unknown; prefix: string }[] {
  const v = value as { kind?: unknown; items?: unknown }
  if (v && typeof v === 'object' && v.kind === 'List' && Array.isArray(v.items))
    return v.items.flatMap((item, i) => flattenLists(item, `${prefix}items[${i}].`))
  return [{ value, prefix }]
}

const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false'

function toItem(value: unknown, source: string): Pick<LoadedObject, 'item' | 'error'> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    const message = `error: error validating "${source}": error validating data: [apiVersion not set, kind not set]; ${VALIDATE_HINT}`
    return { error: { message, path: '' } }
  }
  const obj = value as Partial<KubeObject> & Record<string, unknown>
  const missing = [obj.apiVersion ? '' : 'apiVersion not set', obj.kind ? '' : 'kind not set'].filter(Boolean)
  if (missing.length) {
    const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
    const message = `error: error validating "${source}": error validating data: ${list}; ${VALIDATE_HINT}`
    return { error: { message, path: obj.kind ? 'apiVersion' : 'kind' } }
  }
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

// Reading `-f FILE|-` into objects the way kubectl's resource builder does: documents in order,
// `kind: List` flattened, each checked for kind/apiVersion and mapped to a served kind, with
// kubectl's errors for what cannot be mapped. A YAML error ends the stream at that document.
// `--validate=ignore` turns off the client-side check of kind and apiVersion (kubectl's NullSchema).
import type { KubeObject } from '../sim/model'
import { goJson } from '../sim/api/goFormat'
import { isMap } from './merge'
import { kindInfo, type KindInfo } from '../sim/model/kinds'
import { metadataTypeError } from '../manifest/documents'
import { parseErrorMessage, parseManifests } from '../manifest/parse'
import { KubectlError, type KubectlEnv } from './env'

export interface ManifestItem {
  source: string
  object: KubeObject
  info: KindInfo
}

export interface LoadResult {
  items: ManifestItem[]
  errors: string[]
}

export function loadManifests(
  env: KubectlEnv,
  files: string[],
  namespaceFlag: string | undefined,
  { validate = true }: { validate?: boolean } = {},
): LoadResult {
  const items: ManifestItem[] = []
  const errors: string[] = []
  for (const file of files) {
    const text = file === '-' ? env.stdin : env.readFile(file)
    const source = file === '-' ? 'STDIN' : file
    if (text === undefined) {
      errors.push(`error: the path "${file}" does not exist`)
      continue
    }
    const parsed = parseManifests(text)
    for (const doc of parsed.documents) {
      for (const value of flattenLists(doc.value)) {
        try {
          items.push(toItem(value, source, namespaceFlag, validate))
        } catch (e) {
          errors.push(`error: ${(e as Error).message}`)
        }
      }
    }
    if (parsed.error) errors.push(parseErrorMessage(source, parsed.error))
  }
  return { items, errors }
}

function flattenLists(value: unknown): unknown[] {
  const v = value as { kind?: unknown; items?: unknown }
  if (v && typeof v === 'object' && v.kind === 'List' && Array.isArray(v.items))
    return v.items.flatMap(flattenLists)
  return [value]
}

function toItem(
  value: unknown,
  source: string,
  namespaceFlag: string | undefined,
  validate: boolean,
): ManifestItem {
  if (!validate && isMap(value) && !value.kind) {
    // The unstructured decoder needs a kind; it quotes the JSON the YAML converted to.
    throw new KubectlError(`unable to decode "${source}": Object 'Kind' is missing in '${goJson(value)}'`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    // getObjectKind in kubectl's schema validation: a document that is a list or a scalar.
    throw new KubectlError(
      `error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
    )
  }
  const obj = value as Partial<KubeObject> & Record<string, unknown>
  const missing = [obj.apiVersion ? '' : 'apiVersion not set', obj.kind ? '' : 'kind not set'].filter(Boolean)
  if (missing.length && validate) {
    const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
    throw new KubectlError(
      `error validating "${source}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
    )
  }
  const undecodable = metadataTypeError(obj.metadata, source)
  if (undecodable) throw new KubectlError(undecodable)
  const meta = (obj.metadata ?? {}) as KubeObject['metadata']
  const info = kindInfo(String(obj.kind))
  if (!info || info.apiVersion !== obj.apiVersion) {
    throw new KubectlError(
      `resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${String(obj.kind)}" in version "${String(obj.apiVersion ?? '')}"\nensure CRDs are installed first`,
    )
  }
  let namespace = meta.namespace
  if (info.namespaced) {
    if (namespaceFlag && namespace && namespace !== namespaceFlag) {
      throw new KubectlError(
        `the namespace from the provided object "${namespace}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${namespace}' to perform this operation.`,
      )
    }
    namespace = namespace || namespaceFlag || 'default'
  }
  if (!meta.name) {
    const resource = `${info.group ? `${info.group}/` : '/'}v1, Resource=${info.resource}`
    const gvk = `${info.group ? `${info.group}/` : '/'}v1, Kind=${info.kind}`
    throw new KubectlError(
      `error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${gvk}"\nName: "", Namespace: "${info.namespaced ? namespace : ''}"\nfrom server for: "${source}": resource name may not be empty`,
    )
  }
  const object = { ...obj, metadata: { ...meta, ...(info.namespaced ? { namespace } : {}) } } as KubeObject
  return { source, object, info }
}

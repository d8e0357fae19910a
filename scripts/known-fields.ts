// `npm run known-fields`: writes src/sim/api/knownFields.generated.ts, the field names the API
// server's strict decoding knows (unknown ones are `strict decoding error: unknown field "…"`),
// for every kind Ordinal serves. The field tree comes from src/editor/k8s.schema.json (the
// editor's schema, `npm run schema`) for the kinds it covers, and from kubernetes-types with the
// same generator for the others (Namespace, Node, …). Only names survive, nested: free-form maps
// (labels, requests), quantities, times, IntOrString and raw JSON (RawExtension, FieldsV1) are
// leaves whose keys are not checked. knownFields.test.ts regenerates it and compares.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { createGenerator, type Config } from 'ts-json-schema-generator'
import { KINDS } from '../src/sim/model/kinds'

interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  additionalProperties?: boolean | Schema
  anyOf?: Schema[]
}
type Definitions = Record<string, Schema>

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const OUTPUT = 'src/sim/api/knownFields.generated.ts'

/** Kinds the editor schema lacks, by the kubernetes-types module that declares them. */
const OTHER_KINDS: Record<string, string> = {
  Namespace: 'core/v1',
  Node: 'core/v1',
  Endpoints: 'core/v1',
  Event: 'core/v1',
  ControllerRevision: 'apps/v1',
  EndpointSlice: 'discovery/v1',
}

/**
 * Property-less types decode without strictness (custom UnmarshalJSON or a string in Go). Any
 * other property-less type would be a surprise in the input, so the generator stops on it.
 */
const FREE_FORM = new Set(['Quantity', 'Time', 'MicroTime', 'RawExtension', 'FieldsV1'])

/** Each kind's root schema with the definitions its `$ref`s resolve in. */
function kindSchemas(): Map<string, { root: Schema; definitions: Definitions }> {
  const editor = JSON.parse(readFileSync(`${ROOT}src/editor/k8s.schema.json`, 'utf8')) as {
    definitions: Definitions
  }
  const out = new Map<string, { root: Schema; definitions: Definitions }>()
  const generators = new Map<string, ReturnType<typeof createGenerator>>()
  for (const { kind } of KINDS) {
    const fromEditor = editor.definitions[kind]
    if (fromEditor) {
      out.set(kind, { root: fromEditor, definitions: editor.definitions })
      continue
    }
    const module = OTHER_KINDS[kind]
    if (!module) throw new Error(`known-fields: no schema for the served kind ${kind}`)
    let generator = generators.get(module)
    if (!generator) {
      const config: Config = {
        path: `${ROOT}node_modules/kubernetes-types/${module}.d.ts`,
        tsconfig: `${ROOT}schema/tsconfig.json`,
        skipTypeCheck: true,
        jsDoc: 'none',
      }
      generator = createGenerator(config)
      generators.set(module, generator)
    }
    const schema = generator.createSchema(kind) as { definitions: Definitions }
    out.set(kind, { root: schema.definitions[kind]!, definitions: schema.definitions })
  }
  return out
}

/** A field's entry: `name` (leaf), `name:N` (object of type N), `name[]:N` (list of type N). */
type Child = { type: number; list: boolean } | undefined

class TypeTable {
  readonly types: string[] = []
  private readonly byText = new Map<string, number>()
  private readonly building = new Set<Schema>()

  /** The index of the struct type `schema` (deduplicated by content), or undefined for a leaf. */
  struct(schema: Schema, definitions: Definitions, name: string): number | undefined {
    if (!schema.properties) {
      if (!FREE_FORM.has(name)) throw new Error(`known-fields: ${name} has no properties`)
      return undefined
    }
    if (this.building.has(schema)) throw new Error(`known-fields: ${name} is recursive`)
    this.building.add(schema)
    const fields = Object.keys(schema.properties)
      .sort()
      .map((field) => entry(field, this.child(schema.properties![field]!, definitions, `${name}.${field}`)))
    this.building.delete(schema)
    const text = fields.join(' ')
    let index = this.byText.get(text)
    if (index === undefined) {
      index = this.types.push(text) - 1
      this.byText.set(text, index)
    }
    return index
  }

  private child(schema: Schema, definitions: Definitions, where: string): Child {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/definitions/', '')
      const target = definitions[name]
      if (!target) throw new Error(`known-fields: ${where} refers to a missing ${name}`)
      const type = this.struct(target, definitions, name)
      return type === undefined ? undefined : { type, list: false }
    }
    if (schema.type === 'array' && schema.items) {
      const item = this.child(schema.items, definitions, `${where}[]`)
      if (item?.list) throw new Error(`known-fields: ${where} is a list of lists`)
      return item && { type: item.type, list: true }
    }
    if (
      typeof schema.additionalProperties === 'object' &&
      this.child(schema.additionalProperties, definitions, where)
    )
      throw new Error(`known-fields: ${where} is a map of objects, which this format cannot say`)
    if (schema.properties) throw new Error(`known-fields: ${where} is an inline object`)
    return undefined
  }
}

function entry(field: string, child: Child): string {
  if (!/^[A-Za-z0-9$_-]+$/.test(field)) throw new Error(`known-fields: field name ${field}`)
  return child ? `${field}${child.list ? '[]' : ''}:${child.type}` : field
}

/** The generated module's text (formatted as the repository's prettier formats it). */
export async function knownFieldsModule(): Promise<string> {
  const table = new TypeTable()
  const kinds: [string, number][] = []
  for (const [kind, { root, definitions }] of kindSchemas())
    kinds.push([kind, table.struct(root, definitions, kind)!])
  const text = `// Generated by \`npm run known-fields\` (scripts/known-fields.ts): do not edit.
// The fields of each kind Ordinal serves, as names only (kubernetes-types 1.30), for the API
// server's strict decoding. Each type is its fields, space-separated and sorted: \`name\` is a leaf
// (a scalar, or a map or raw value whose keys are not checked), \`name:N\` an object of type N,
// \`name[]:N\` a list of them.
export const KNOWN_FIELDS = {
  kinds: { ${kinds.map(([k, i]) => `${k}: ${i}`).join(', ')} },
  types: [
${table.types.map((t) => `    '${t}',`).join('\n')}
  ],
} as const
`
  const config = await resolveConfig(`${ROOT}${OUTPUT}`)
  return format(text, { ...config, filepath: `${ROOT}${OUTPUT}` })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${ROOT}${OUTPUT}`, await knownFieldsModule())
  console.log(`wrote ${OUTPUT}`)
}

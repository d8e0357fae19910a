// The JSON schema monaco-yaml checks the editor against: k8s.schema.json as generated from
// kubernetes-types (`npm run schema`), with two corrections the TypeScript types cannot express.
import generated from './k8s.schema.json'
import type { JSONSchema } from 'monaco-yaml'

type Schema = JSONSchema & { definitions: Record<string, JSONSchema> }

/**
 * - A Quantity is typed `string`, but the API server also takes a bare number (`cpu: 1`,
 *   `storage: 1`), so the schema must accept both.
 * - `kind: List` (what `kubectl get -o yaml` prints for several objects) wraps the other kinds.
 */
function corrected(schema: Schema): Schema {
  const definitions = { ...schema.definitions }
  definitions.Quantity = { ...definitions.Quantity, type: ['string', 'number'] }
  const resources = definitions.K8sResource?.anyOf ?? []
  definitions.List = {
    type: 'object',
    description: 'A list of objects, as `kubectl get -o yaml` prints several; kubectl applies each item.',
    properties: {
      apiVersion: { const: 'v1', type: 'string' },
      kind: { const: 'List', type: 'string' },
      metadata: { type: 'object' },
      items: { type: 'array', items: { $ref: '#/definitions/K8sResource' } },
    },
    required: ['apiVersion', 'kind', 'items'],
    additionalProperties: false,
  }
  definitions.K8sResource = { anyOf: [...resources, { $ref: '#/definitions/List' }] }
  return { ...schema, definitions }
}

export const k8sSchema: JSONSchema = corrected(generated as unknown as Schema)

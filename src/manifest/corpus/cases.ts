// The bad-input corpus (issue 7): what learners paste into the editor, from YAML slips to hostile
// input, each with the message it must produce — kubectl's wording where kubectl has one (YAML
// errors checked against kubectl v1.32's output; API errors as Kubernetes v1.34 words them) — the
// line and column it is marked at, and the objects of the same paste that must still apply, as
// kubectl applies the valid documents of a file. `differs` says where Ordinal deliberately answers
// otherwise than kubectl. Run by corpus.test.ts (unit) and e2e/corpus.spec.ts (the page). Plain
// data: no imports, so Playwright can load it too.

export type Category =
  | 'yaml syntax'
  | 'wrong type'
  | 'missing field'
  | 'unknown kind'
  | 'invalid name'
  | 'selector'
  | 'replicas'
  | 'quantity'
  | 'immutable'
  | 'document shape'
  | 'volume'
  | 'nesting'
  | 'aliases'
  | 'prototype keys'
  | 'encoding'
  | 'markup'
  | 'unknown field'

export interface CorpusCase {
  id: string
  title: string
  category: Category
  input: string | (() => string)
  /** Applied first (`kubectl apply -f`), for changes to objects that already exist. */
  before?: string
  expect: {
    /** Each is part of one of the editor's diagnostics (the first one is the main message). */
    messages: string[]
    /** Where the first message is marked (1-based). */
    line?: number
    column?: number
    /** kubectl refs that `kubectl apply -f` must still create, configure (or find unchanged). */
    applies?: string[]
  }
  /** How Ordinal's answer differs from kubectl's, and why. */
  differs?: string
  /** Pasted into the page by e2e/corpus.spec.ts. */
  e2e?: boolean
}

export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
`

export const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`

/** The tutorial's web.yaml: the Service (lines 1–13), `---`, the StatefulSet (from line 15). */
export const WEB = `${SERVICE}---\n${STATEFULSET}`

/** web.yaml with one edit to the StatefulSet (its first occurrence after the Service). */
const sts = (from: string, to: string): string => {
  if (!STATEFULSET.includes(from)) throw new Error(`corpus: "${from}" is not in the StatefulSet`)
  return `${SERVICE}---\n${STATEFULSET.replace(from, to)}`
}
const svc = (from: string, to: string): string => {
  if (!SERVICE.includes(from)) throw new Error(`corpus: "${from}" is not in the Service`)
  return SERVICE.replace(from, to)
}

const SERVICE_APPLIES = ['service/nginx']
const BOTH_APPLY = ['service/nginx', 'statefulset.apps/web']
const RFC1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const RFC1035_LABEL =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"

/** `count` distinct copies of web.yaml (Service nginx-N, StatefulSet web-N), two documents each. */
export function manyWebs(count: number): string {
  const docs: string[] = []
  for (let i = 0; i < count; i++) {
    const service = SERVICE.replace('name: nginx\n', `name: nginx-${i}\n`)
    const set = STATEFULSET.replace('name: web\n', `name: web-${i}\n`).replace(
      'serviceName: "nginx"',
      `serviceName: "nginx-${i}"`,
    )
    docs.push(service, set)
  }
  return docs.join('---\n')
}

/** `n` Services, one per document. */
export function manyServices(n: number): string {
  return Array.from({ length: n }, (_, i) => SERVICE.replace('name: nginx\n', `name: svc-${i}\n`)).join(
    '---\n',
  )
}

/** The classic "billion laughs": nine levels of nine aliases each (9^9 strings once expanded). */
export const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

const nested = (depth: number): string => `${SERVICE}---\n${'['.repeat(depth)}${']'.repeat(depth)}\n`
const blockNested = (depth: number): string =>
  `${SERVICE}---\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`

export const CASES: readonly CorpusCase[] = [
  // YAML syntax: go-yaml's words (kubectl v1.32), its line (doc-relative; parser errors count from 0).
  {
    id: 'yaml-tab-indent',
    title: 'a tab indents a key',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '\tname: nginx\n'),
    expect: {
      messages: [
        'error: error parsing editor.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
      ],
      line: 4,
      column: 1,
    },
    e2e: true,
  },
  {
    id: 'yaml-tab-after-spaces',
    title: 'spaces then a tab before a key',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '  \tname: nginx\n'),
    expect: { messages: ['yaml: line 4: found character that cannot start any token'], line: 4 },
  },
  {
    id: 'yaml-tab-first-line',
    title: 'a tab on the first line (go-yaml names no line there)',
    category: 'yaml syntax',
    input: `\t${SERVICE}`,
    expect: {
      messages: ['error converting YAML to JSON: yaml: found character that cannot start any token'],
      line: 1,
    },
  },
  {
    id: 'yaml-over-indent',
    title: 'a key indented one space too far',
    category: 'yaml syntax',
    input: svc('  labels:\n', '   labels:\n'),
    expect: {
      messages: ['yaml: line 5: mapping values are not allowed in this context'],
      line: 5,
      column: 10,
    },
    e2e: true,
  },
  {
    id: 'yaml-under-indent',
    title: 'a key dedented to no collection’s column (go-yaml names the line before)',
    category: 'yaml syntax',
    input: svc('  name: nginx\n  labels:\n    app: nginx\n', '    name: nginx\n  labels:\n    app: nginx\n'),
    expect: { messages: ['yaml: line 4: did not find expected key'], line: 5, column: 3 },
  },
  {
    id: 'yaml-under-indent-in-list',
    title: 'a container field dedented out of its list item',
    category: 'yaml syntax',
    input: sts('        ports:\n', '       ports:\n'),
    expect: { messages: ['yaml: line 18: did not find expected key'], line: 33 },
  },
  {
    id: 'yaml-list-item-over-indent',
    title: 'a list indented one column past its key, its item’s next key not',
    category: 'yaml syntax',
    input: sts('        - name: www\n', '         - name: www\n'),
    expect: { messages: ["yaml: line 23: did not find expected '-' indicator"], line: 38 },
  },
  {
    id: 'yaml-colon-in-value',
    title: 'an unquoted colon in a value',
    category: 'yaml syntax',
    input: sts('image: registry.k8s.io/nginx-slim:0.7', 'image: nginx: latest'),
    expect: { messages: ['yaml: line 18: mapping values are not allowed in this context'], line: 32 },
    e2e: true,
  },
  {
    id: 'yaml-dash-as-value',
    title: 'a list dash where a value belongs',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '  name: - nginx\n'),
    expect: { messages: ['yaml: line 4: block sequence entries are not allowed in this context'], line: 4 },
  },
  {
    id: 'yaml-at-sign',
    title: 'a value starting with @ (reserved in YAML)',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '  name: @nginx\n'),
    expect: { messages: ['yaml: line 4: found character that cannot start any token'], line: 4 },
  },
  {
    id: 'yaml-backtick',
    title: 'a value in backticks',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '  name: `nginx`\n'),
    expect: { messages: ['yaml: line 4: found character that cannot start any token'], line: 4 },
  },
  {
    id: 'yaml-unclosed-double-quote',
    title: 'an unclosed double quote at the end',
    category: 'yaml syntax',
    input: `${SERVICE}---\n${STATEFULSET.replace('storage: 1Gi', 'storage: "1Gi')}`,
    expect: {
      messages: ['yaml: line 33: found unexpected end of stream'],
      line: 46,
      column: 20,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'yaml-unclosed-single-quote',
    title: 'an unclosed single quote in the middle',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', "  name: 'nginx\n"),
    expect: { messages: ['yaml: line 14: found unexpected end of stream'], line: 4, column: 9 },
  },
  {
    id: 'yaml-unclosed-bracket',
    title: 'an unclosed [ in a flow list',
    category: 'yaml syntax',
    input: sts('accessModes: [ "ReadWriteOnce" ]', 'accessModes: [ "ReadWriteOnce"'),
    expect: {
      messages: ["yaml: line 29: did not find expected ',' or ']'"],
      line: 43,
      column: 20,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'yaml-unclosed-bracket-args',
    title: 'an unclosed [ followed by more keys',
    category: 'yaml syntax',
    input: sts('        ports:\n', '        args: ["sleep", "3600"\n        ports:\n'),
    expect: { messages: ["yaml: line 19: did not find expected ',' or ']'"], line: 33, column: 15 },
  },
  {
    id: 'yaml-unclosed-brace',
    title: 'an unclosed { in a flow mapping',
    category: 'yaml syntax',
    input: svc('  selector:\n    app: nginx\n', '  selector: {app: nginx\n'),
    expect: { messages: ["yaml: line 12: did not find expected ',' or '}'"], line: 12, column: 13 },
  },
  {
    id: 'yaml-stray-bracket',
    title: 'a closing bracket with nothing open',
    category: 'yaml syntax',
    input: svc('  clusterIP: None\n', '  clusterIP: ]\n'),
    expect: { messages: ['yaml: line 10: did not find expected node content'], line: 11 },
  },
  {
    id: 'yaml-duplicate-key',
    title: 'a key written twice: the second wins, without a word from kubectl',
    category: 'yaml syntax',
    input: sts('  replicas: 2\n', '  replicas: 2\n  replicas: 3\n'),
    expect: {
      messages: [
        'duplicate key "replicas" (first at line 21): kubectl keeps this value and drops the earlier one without a warning',
      ],
      line: 22,
      column: 3,
      applies: BOTH_APPLY,
    },
    differs:
      'kubectl (go-yaml v2) keeps the last value silently; the editor warns, and applies it as kubectl does',
    e2e: true,
  },
  {
    id: 'yaml-duplicate-label',
    title: 'a label written twice',
    category: 'yaml syntax',
    input: svc('    app: nginx\nspec', '    app: nginx\n    app: web\nspec'),
    expect: { messages: ['duplicate key "app" (first at line 6)'], line: 7, applies: SERVICE_APPLIES },
    differs: 'kubectl keeps the last value silently; the editor warns',
  },
  {
    id: 'yaml-bad-separator',
    title: 'text after a --- separator',
    category: 'yaml syntax',
    input: `${SERVICE}--- web\n${STATEFULSET}`,
    expect: {
      messages: ['error: error parsing editor.yaml: invalid Yaml document separator: web'],
      line: 14,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'yaml-error-second-document',
    title: 'a syntax error in the second document: the first still applies',
    category: 'yaml syntax',
    input: sts('  name: web\n', '\tname: web\n'),
    expect: {
      messages: ['yaml: line 4: found character that cannot start any token'],
      line: 18,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'yaml-unknown-alias',
    title: 'an alias to an anchor never defined',
    category: 'yaml syntax',
    input: svc('  name: nginx\n', '  name: *nginx\n'),
    expect: { messages: ["error converting YAML to JSON: yaml: unknown anchor 'nginx' referenced"], line: 4 },
  },
  {
    id: 'yaml-bad-escape',
    title: 'an unknown escape in a double-quoted string',
    category: 'yaml syntax',
    input: sts('  serviceName: "nginx"', '  serviceName: "ng\\inx"'),
    expect: {
      messages: ['yaml: line 6: found unknown escape character'],
      line: 20,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'yaml-json-unclosed',
    title: 'JSON with a missing closing brace',
    category: 'yaml syntax',
    input: '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"}\n',
    expect: { messages: ["yaml: line 1: did not find expected ',' or '}'"], line: 1, column: 1 },
    differs:
      'kubectl reads a stream starting with { as JSON and says "unexpected EOF"; Ordinal reads it as YAML',
  },

  // Wrong types: the API server's decoding errors (Go's encoding/json).
  {
    id: 'type-replicas-string',
    title: 'replicas: "two"',
    category: 'wrong type',
    input: sts('replicas: 2', 'replicas: "two"'),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
      ],
      line: 21,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'type-replicas-fraction',
    title: 'replicas: 1.5',
    category: 'wrong type',
    input: sts('replicas: 2', 'replicas: 1.5'),
    expect: {
      messages: [
        'json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32',
      ],
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'type-port-string',
    title: 'containerPort: "80"',
    category: 'wrong type',
    input: sts('containerPort: 80', 'containerPort: "80"'),
    expect: {
      messages: [
        'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
      ],
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'type-metadata-string',
    title: 'metadata:name:nginx (no space, so metadata is a string)',
    category: 'wrong type',
    input: svc('metadata:\n  name: nginx\n  labels:\n    app: nginx\n', 'metadata: name:nginx\n'),
    expect: {
      messages: [
        'error: unable to decode "editor.yaml": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta',
      ],
      line: 3,
    },
  },

  // Missing required fields.
  {
    id: 'missing-apiversion',
    title: 'no apiVersion',
    category: 'missing field',
    input: sts('apiVersion: apps/v1\n', ''),
    expect: {
      messages: [
        'error: error validating "editor.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
      ],
      line: 15,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'missing-kind-and-apiversion',
    title: 'neither apiVersion nor kind',
    category: 'missing field',
    input: sts('apiVersion: apps/v1\nkind: StatefulSet\n', ''),
    expect: { messages: ['error validating data: [apiVersion not set, kind not set]'], line: 15 },
    e2e: true,
  },
  {
    id: 'missing-name',
    title: 'no metadata.name',
    category: 'missing field',
    input: sts('  name: web\n', '  labels: {}\n'),
    expect: {
      messages: [
        'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=statefulsets", GroupVersionKind: "apps/v1, Kind=StatefulSet"\nName: "", Namespace: "default"\nfrom server for: "editor.yaml": resource name may not be empty',
      ],
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'missing-selector',
    title: 'a StatefulSet without a selector',
    category: 'missing field',
    input: sts('  selector:\n    matchLabels:\n      app: nginx\n', ''),
    expect: { messages: ['spec.selector: Required value'], line: 19, applies: SERVICE_APPLIES },
  },
  {
    id: 'missing-containers',
    title: 'a pod template without containers',
    category: 'missing field',
    input: sts(
      STATEFULSET.slice(
        STATEFULSET.indexOf('      containers:'),
        STATEFULSET.indexOf('  volumeClaimTemplates:'),
      ),
      '      containers: []\n',
    ),
    expect: { messages: ['spec.template.spec.containers: Required value'], applies: SERVICE_APPLIES },
  },
  {
    id: 'missing-image',
    title: 'a container without an image',
    category: 'missing field',
    input: sts('        image: registry.k8s.io/nginx-slim:0.7\n', ''),
    expect: { messages: ['spec.template.spec.containers[0].image: Required value'], line: 31 },
  },
  {
    id: 'missing-ports',
    title: 'a Service (not headless) without ports',
    category: 'missing field',
    input: svc('  ports:\n  - port: 80\n    name: web\n  clusterIP: None\n', ''),
    expect: { messages: ['The Service "nginx" is invalid: spec.ports: Required value'], line: 7 },
  },

  // Unknown kinds and apiVersions.
  {
    id: 'kind-plural',
    title: 'kind: StatefulSets',
    category: 'unknown kind',
    input: sts('kind: StatefulSet', 'kind: StatefulSets'),
    expect: {
      messages: [
        'error: resource mapping not found for name: "web" namespace: "" from "editor.yaml": no matches for kind "StatefulSets" in version "apps/v1"\nensure CRDs are installed first',
      ],
      line: 16,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'kind-lowercase',
    title: 'kind: statefulset',
    category: 'unknown kind',
    input: sts('kind: StatefulSet', 'kind: statefulset'),
    expect: { messages: ['no matches for kind "statefulset" in version "apps/v1"'], line: 16 },
  },
  {
    id: 'apiversion-beta',
    title: 'apiVersion: apps/v1beta1 (removed in Kubernetes 1.16)',
    category: 'unknown kind',
    input: sts('apiVersion: apps/v1', 'apiVersion: apps/v1beta1'),
    expect: { messages: ['no matches for kind "StatefulSet" in version "apps/v1beta1"'], line: 15 },
  },
  {
    id: 'apiversion-core',
    title: 'apiVersion: v1 for a StatefulSet',
    category: 'unknown kind',
    input: sts('apiVersion: apps/v1', 'apiVersion: v1'),
    expect: { messages: ['no matches for kind "StatefulSet" in version "v1"'], line: 15 },
  },

  // Invalid names.
  {
    id: 'name-uppercase',
    title: 'name: Web',
    category: 'invalid name',
    input: sts('  name: web\n', '  name: Web\n'),
    expect: {
      messages: [`The StatefulSet "Web" is invalid: metadata.name: Invalid value: "Web": ${RFC1123_LABEL}`],
      line: 18,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'name-underscore',
    title: 'name: web_1',
    category: 'invalid name',
    input: sts('  name: web\n', '  name: web_1\n'),
    expect: { messages: [`metadata.name: Invalid value: "web_1": ${RFC1123_LABEL}`], line: 18 },
  },
  {
    id: 'name-too-long',
    title: 'a Service name of 64 characters',
    category: 'invalid name',
    input: () => svc('  name: nginx\n', `  name: ${'n'.repeat(64)}\n`),
    expect: {
      messages: ['metadata.name: Invalid value: "nnnn', 'must be no more than 63 characters'],
      line: 4,
    },
  },
  {
    id: 'name-dot-service',
    title: 'a Service name with a dot',
    category: 'invalid name',
    input: svc('  name: nginx\n', '  name: web.v1\n'),
    expect: { messages: [`metadata.name: Invalid value: "web.v1": ${RFC1035_LABEL}`], line: 4 },
  },
  {
    id: 'name-claim-template-upper',
    title: 'a claim template named Data',
    category: 'invalid name',
    input: sts('      name: www\n    spec:', '      name: Data\n    spec:'),
    expect: { messages: ['Invalid value: "Data"'], applies: SERVICE_APPLIES },
  },
  {
    id: 'namespace-missing',
    title: 'a namespace that does not exist',
    category: 'invalid name',
    input: svc('  name: nginx\n', '  name: nginx\n  namespace: shop\n'),
    expect: { messages: ['namespaces "shop" not found'], line: 5 },
  },

  // Selectors and labels.
  {
    id: 'selector-mismatch',
    title: 'a selector that does not match the template labels',
    category: 'selector',
    input: sts('      app: nginx\n  template:', '      app: web\n  template:'),
    expect: {
      messages: [
        'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
      ],
      line: 27,
      column: 7,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'selector-empty',
    title: 'an empty selector',
    category: 'selector',
    input: sts('  selector:\n    matchLabels:\n      app: nginx\n', '  selector: {}\n'),
    expect: { messages: ['empty selector is invalid for statefulset'], applies: SERVICE_APPLIES },
  },
  {
    id: 'service-selects-nothing',
    title: 'a Service whose selector matches no pod of the set',
    category: 'selector',
    input: `${svc('  selector:\n    app: nginx\n', '  selector:\n    app: web\n')}---\n${STATEFULSET}`,
    expect: { messages: ['Service "nginx" selects "app=web"'], line: 20, applies: BOTH_APPLY },
    differs: 'a warning of Ordinal’s: the API server accepts it, and the pods get no DNS names',
  },

  // Replicas.
  {
    id: 'replicas-negative',
    title: 'replicas: -1',
    category: 'replicas',
    input: sts('replicas: 2', 'replicas: -1'),
    expect: {
      messages: [
        'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      ],
      line: 21,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'replicas-int32-overflow',
    title: 'replicas: 2147483648 (more than int32 holds)',
    category: 'replicas',
    input: sts('replicas: 2', 'replicas: 2147483648'),
    expect: {
      messages: [
        'json: cannot unmarshal number 2147483648 into Go struct field StatefulSetSpec.spec.replicas of type int32',
      ],
      line: 21,
    },
  },
  {
    id: 'replicas-over-limit',
    title: 'replicas: 20000 (over Ordinal’s limit)',
    category: 'replicas',
    input: sts('replicas: 2', 'replicas: 20000'),
    expect: {
      messages: [
        'spec.replicas: Invalid value: 20000: must be no more than 10000 in Ordinal (a limit of the simulator, not of Kubernetes',
      ],
      line: 21,
      applies: SERVICE_APPLIES,
    },
    differs: 'Kubernetes takes any int32; Ordinal’s engine is measured to 10,000 replicas',
    e2e: true,
  },
  {
    id: 'replicas-at-limit',
    title: 'replicas: 10000 (at the limit: accepted)',
    category: 'replicas',
    input: sts('replicas: 2', 'replicas: 10000'),
    expect: { messages: [], applies: BOTH_APPLY },
  },

  // Quantities.
  {
    id: 'quantity-bad-suffix',
    title: 'storage: 1Gx',
    category: 'quantity',
    input: sts('storage: 1Gi', 'storage: 1Gx'),
    expect: {
      messages: [
        `Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
      line: 46,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'quantity-negative',
    title: 'storage: -1Gi',
    category: 'quantity',
    input: sts('storage: 1Gi', 'storage: -1Gi'),
    expect: { messages: ['storage', 'must be greater than zero'], applies: SERVICE_APPLIES },
  },
  {
    id: 'quantity-decimal-units',
    title: 'storage: 1GB (not a Kubernetes suffix)',
    category: 'quantity',
    input: sts('storage: 1Gi', 'storage: 1GB'),
    expect: { messages: ['quantities must match the regular expression'], line: 46 },
  },

  // Immutable fields on re-apply.
  {
    id: 'immutable-service-name',
    title: 'serviceName changed on a live StatefulSet',
    category: 'immutable',
    before: WEB,
    input: sts('serviceName: "nginx"', 'serviceName: "nginx2"'),
    expect: {
      messages: [
        "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ],
      line: 20,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'immutable-claim-size',
    title: 'a claim template’s storage changed on a live StatefulSet',
    category: 'immutable',
    before: WEB,
    input: sts('storage: 1Gi', 'storage: 2Gi'),
    expect: { messages: ['spec: Forbidden: updates to statefulset spec for fields other than'], line: 46 },
  },
  {
    id: 'immutable-selector',
    title: 'the selector changed on a live StatefulSet',
    category: 'immutable',
    before: WEB,
    input: sts(
      '      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx',
      '      app: web\n  template:\n    metadata:\n      labels:\n        app: web',
    ),
    expect: { messages: ['spec: Forbidden: updates to statefulset spec for fields other than'] },
  },
  {
    id: 'immutable-cluster-ip',
    title: 'a headless Service given a ClusterIP',
    category: 'immutable',
    before: WEB,
    input: svc('clusterIP: None', 'clusterIP: 10.96.0.50'),
    expect: {
      messages: [
        'The Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.50"]: may not change once set',
      ],
    },
  },

  // Document shape.
  {
    id: 'doc-list',
    title: 'a document that is a list',
    category: 'document shape',
    input: `${SERVICE}---\n- web\n- nginx\n`,
    expect: {
      messages: [
        'error: error validating "editor.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
      ],
      line: 15,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'doc-scalar',
    title: 'a document that is a plain string',
    category: 'document shape',
    input: `${SERVICE}---\nhello\n`,
    expect: {
      messages: ['error validating data: invalid object to validate'],
      line: 15,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'doc-empty',
    title: 'an empty editor',
    category: 'document shape',
    input: '',
    expect: { messages: ['error: no objects passed to apply'], line: 1 },
    e2e: true,
  },
  {
    id: 'doc-comments-only',
    title: 'only comments and separators',
    category: 'document shape',
    input: '# nothing here\n---\n---\n# still nothing\n',
    expect: { messages: ['error: no objects passed to apply'], line: 1 },
  },
  {
    id: 'doc-empty-between',
    title: 'empty documents between real ones are skipped',
    category: 'document shape',
    input: `---\n${SERVICE}---\n---\n${STATEFULSET}---\n`,
    expect: { messages: [], applies: BOTH_APPLY },
  },
  {
    id: 'doc-null',
    title: 'a document that is null',
    category: 'document shape',
    input: `${SERVICE}---\nnull\n`,
    expect: { messages: [], applies: SERVICE_APPLIES },
  },

  // Volume: Ordinal's limits.
  {
    id: 'volume-1000-documents',
    title: '1,000 documents (at the limit: all apply)',
    category: 'volume',
    input: () => manyWebs(500),
    expect: {
      messages: [],
      applies: ['service/nginx-0', 'statefulset.apps/web-0', 'statefulset.apps/web-499'],
    },
    e2e: true,
  },
  {
    id: 'volume-1001-documents',
    title: '1,001 documents (over the limit)',
    category: 'volume',
    input: () => `${manyServices(1001)}`,
    expect: {
      messages: [
        'error: editor.yaml has 1001 documents: Ordinal applies at most 1000 at a time (see "Limits" in the README); nothing is applied',
      ],
      line: 14001,
    },
    differs: 'kubectl reads any number of documents; Ordinal refuses more than 1,000 so an apply stays quick',
    e2e: true,
  },
  {
    id: 'volume-5mb',
    title: 'a 5 MB paste',
    category: 'volume',
    input: () => `${SERVICE}---\nkind: ConfigMap\ndata:\n  blob: "${'x'.repeat(5 * 1024 * 1024)}"\n`,
    expect: {
      messages: [
        'error: editor.yaml is 5.0 MB: Ordinal applies at most 1 MB of manifests at a time (see "Limits" in the README); nothing is applied',
      ],
      line: 1,
    },
    differs: 'kubectl reads any size (the API server refuses requests over 3 MB); Ordinal refuses over 1 MB',
    e2e: true,
  },
  {
    id: 'volume-big-annotation',
    title: 'a 300 KB annotation (over the API’s 256 KB for all annotations)',
    category: 'volume',
    input: () => svc('  labels:\n', `  annotations:\n    notes: "${'n'.repeat(300 * 1024)}"\n  labels:\n`),
    expect: {
      messages: [
        'The Service "nginx" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
      ],
      line: 5,
    },
  },
  {
    id: 'volume-near-limit',
    title: 'just under 1 MB of valid manifests (2,000 lines of comments per document)',
    category: 'volume',
    input: () => {
      const pad = `# ${'-'.repeat(60)}\n`.repeat(60)
      return manyServices(250).replaceAll('kind: Service\n', `kind: Service\n${pad}`)
    },
    expect: { messages: [], applies: ['service/svc-0', 'service/svc-249'] },
  },

  // Nesting.
  {
    id: 'nesting-flow-150',
    title: '150 nested flow lists',
    category: 'nesting',
    input: nested(150),
    expect: {
      messages: [
        `error: error parsing editor.yaml: line 1: collections nested more than 100 deep: Ordinal's limit (see "Limits" in the README; kubectl allows 10000)`,
      ],
      line: 15,
      applies: SERVICE_APPLIES,
    },
    differs: 'go-yaml allows 10,000 levels; Ordinal stops at 100 (no Kubernetes object needs more than ~20)',
    e2e: true,
  },
  {
    id: 'nesting-flow-10001',
    title: '10,001 nested flow lists (past go-yaml’s own limit)',
    category: 'nesting',
    input: () => nested(10_001),
    expect: { messages: ['collections nested more than 100 deep'], line: 15, applies: SERVICE_APPLIES },
    differs: 'kubectl says "yaml: exceeded max depth of 10000"; Ordinal’s lower limit answers first',
  },
  {
    id: 'nesting-block-120',
    title: '120 nested block mappings',
    category: 'nesting',
    input: blockNested(120),
    expect: { messages: ['collections nested more than 100 deep'], applies: SERVICE_APPLIES },
  },

  // Aliases.
  {
    id: 'alias-billion-laughs',
    title: 'billion laughs (9^9 strings once expanded)',
    category: 'aliases',
    input: `${SERVICE}---\n${BILLION_LAUGHS}`,
    expect: {
      messages: [
        'error: error parsing editor.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing',
      ],
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'alias-bomb-in-statefulset',
    title: 'an alias bomb hidden in a StatefulSet’s annotations',
    category: 'aliases',
    input: sts(
      '  name: web\n',
      `  name: web\n  annotations:\n${BILLION_LAUGHS.split('\n')
        .filter(Boolean)
        .map((l) => `    ${l}`)
        .join('\n')}\n`,
    ),
    expect: { messages: ['yaml: document contains excessive aliasing'], applies: SERVICE_APPLIES },
  },
  {
    id: 'alias-self',
    title: 'an anchor whose value contains its own alias',
    category: 'aliases',
    input: `${SERVICE}---\na: &a\n  b: *a\n`,
    expect: { messages: ["yaml: anchor 'a' value contains itself"], line: 16, applies: SERVICE_APPLIES },
  },
  {
    id: 'alias-legit',
    title: 'labels shared through an anchor (fine)',
    category: 'aliases',
    input: sts(
      '    matchLabels:\n      app: nginx\n',
      '    matchLabels: &labels\n      app: nginx\n',
    ).replace('      labels:\n        app: nginx\n', '      labels: *labels\n'),
    expect: { messages: [], applies: BOTH_APPLY },
  },
  {
    id: 'alias-bad-merge',
    title: 'a merge key given a scalar',
    category: 'aliases',
    input: svc('  labels:\n    app: nginx\n', '  labels:\n    <<: nginx\n'),
    expect: { messages: ['yaml: map merge requires map or sequence of maps as the value'] },
  },

  // Keys that are special to JavaScript objects.
  {
    id: 'proto-label-key',
    title: 'a label key __proto__',
    category: 'prototype keys',
    input: svc('    app: nginx\nspec', '    app: nginx\n    __proto__: polluted\nspec'),
    expect: {
      messages: [
        'metadata.labels: Invalid value: "__proto__": name part must consist of alphanumeric characters',
      ],
      line: 5,
    },
    e2e: true,
  },
  {
    id: 'proto-selector-constructor',
    title: 'a selector on label constructor that the template lacks',
    category: 'prototype keys',
    input: sts(
      '    matchLabels:\n      app: nginx\n',
      '    matchLabels:\n      app: nginx\n      constructor: web\n',
    ),
    expect: { messages: ['`selector` does not match template `labels`'], applies: SERVICE_APPLIES },
  },
  {
    id: 'proto-constructor-label',
    title: 'labels constructor and toString on both selector and template (valid)',
    category: 'prototype keys',
    input: sts(
      '    matchLabels:\n      app: nginx\n',
      '    matchLabels:\n      app: nginx\n      constructor: web\n',
    ).replace(
      '      labels:\n        app: nginx\n',
      '      labels:\n        app: nginx\n        constructor: web\n        toString: x\n',
    ),
    expect: { messages: [], applies: BOTH_APPLY },
  },
  {
    id: 'proto-spec-key',
    title: 'a __proto__ key in a spec',
    category: 'prototype keys',
    input: sts('  replicas: 2\n', '  replicas: 2\n  __proto__:\n    replicas: 7\n'),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.__proto__"',
      ],
      line: 22,
      column: 3,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'proto-constructor-container',
    title: 'a constructor key in a container',
    category: 'prototype keys',
    input: sts('        image: registry', '        constructor: x\n        image: registry'),
    expect: {
      messages: ['strict decoding error: unknown field "spec.template.spec.containers[0].constructor"'],
      line: 32,
      column: 9,
      applies: SERVICE_APPLIES,
    },
  },

  // Unknown fields: kubectl asks for strict field validation (--validate=strict, the default since
  // v1.27), so the API server refuses any field its types do not have.
  {
    id: 'unknown-replicas-typo',
    title: 'replica: 2 (a typo for replicas)',
    category: 'unknown field',
    input: sts('  replicas: 2\n', '  replica: 2\n'),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica"',
      ],
      line: 21,
      column: 3,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'unknown-container-field',
    title: 'a misspelt field in a container (imagePullPolice)',
    category: 'unknown field',
    input: sts('        image: registry', '        imagePullPolice: Always\n        image: registry'),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"',
      ],
      line: 32,
      column: 9,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'unknown-top-level',
    title: 'an unknown top-level field (specs: instead of spec:)',
    category: 'unknown field',
    input: svc('spec:\n', 'specs:\n'),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "specs"',
      ],
      line: 7,
      column: 1,
    },
  },
  {
    id: 'unknown-two-fields',
    title: 'two unknown fields: one message naming both, in the order of the JSON kubectl sends',
    category: 'unknown field',
    input: sts('  replicas: 2\n', '  replicas: 2\n  podManagement: Parallel\n').replace(
      '    spec:\n      containers:',
      '    spec:\n      updateStrategy:\n        type: OnDelete\n      containers:',
    ),
    expect: {
      messages: [
        'Error from server (BadRequest): error when creating "editor.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.podManagement", unknown field "spec.template.spec.updateStrategy"',
      ],
      line: 22,
      column: 3,
      applies: SERVICE_APPLIES,
    },
  },
  {
    id: 'unknown-field-on-update',
    title: 'an unknown field in a change to an object that exists (a patch: the request is invalid)',
    category: 'unknown field',
    before: SERVICE,
    input: svc('  clusterIP: None\n', '  clusterIP: None\n  publishNotReady: true\n'),
    expect: {
      messages: [
        'The request is invalid: patch: Invalid value: "map[metadata:map[annotations:map[kubectl.kubernetes.io/last-applied-configuration:',
        'spec:map[publishNotReady:true]]": strict decoding error: unknown field "spec.publishNotReady"',
      ],
      line: 12,
      column: 3,
    },
  },
  {
    id: 'unknown-in-second-document',
    title: 'an unknown field in one document: the others still apply',
    category: 'unknown field',
    input: `${STATEFULSET}---\n${SERVICE.replace('  ports:\n', '  port:\n')}`,
    expect: {
      messages: [
        'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.port"',
      ],
      line: 41,
      column: 3,
      applies: ['statefulset.apps/web'],
    },
  },

  // Encoding: control characters, invalid UTF-16/UTF-8, byte-order marks.
  {
    id: 'encoding-control-char',
    title: 'a control character (U+0001) in a name',
    category: 'encoding',
    input: svc('  name: nginx\n', '  name: ngi\u0001nx\n'),
    expect: {
      messages: [
        'error: error parsing editor.yaml: error converting YAML to JSON: yaml: control characters are not allowed',
      ],
      line: 4,
      column: 12,
    },
    e2e: true,
  },
  {
    id: 'encoding-nul',
    title: 'a NUL byte',
    category: 'encoding',
    input: `${SERVICE}---\n${STATEFULSET.replace('name: web\n', 'name: web\u0000\n')}`,
    expect: { messages: ['yaml: control characters are not allowed'], line: 18, applies: SERVICE_APPLIES },
  },
  {
    id: 'encoding-del',
    title: 'a DEL character (U+007F)',
    category: 'encoding',
    input: svc('  name: nginx\n', '  name: nginx\u007f\n'),
    expect: { messages: ['yaml: control characters are not allowed'], line: 4 },
  },
  {
    id: 'encoding-lone-surrogate',
    title: 'a lone surrogate (text that is not valid Unicode) in a name',
    category: 'encoding',
    input: svc('  name: nginx\n', '  name: ngi\ud800nx\n'),
    expect: { messages: [`metadata.name: Invalid value: "ngi\ufffdnx": ${RFC1035_LABEL}`], line: 4 },
  },
  {
    id: 'encoding-replacement-char',
    title: 'U+FFFD, what invalid UTF-8 is decoded to, in a name',
    category: 'encoding',
    input: sts('  name: web\n', '  name: w\ufffdb\n'),
    expect: { messages: [`metadata.name: Invalid value: "w\ufffdb": ${RFC1123_LABEL}`], line: 18 },
  },
  {
    id: 'encoding-zero-width',
    title: 'a zero-width space pasted into a name',
    category: 'encoding',
    input: svc('  name: nginx\n', '  name: ngi\u200bnx\n'),
    expect: { messages: [`metadata.name: Invalid value: "ngi\u200bnx"`], line: 4 },
  },
  {
    id: 'encoding-bom-crlf',
    title: 'a byte-order mark and Windows line endings (fine)',
    category: 'encoding',
    input: `\ufeff${WEB.replaceAll('\n', '\r\n')}`,
    expect: { messages: [], applies: BOTH_APPLY },
  },

  // Markup in names, labels and annotations: always shown as text.
  {
    id: 'markup-script-name',
    title: 'a <script> element as a name',
    category: 'markup',
    input: sts('  name: web\n', '  name: "<script>globalThis.__pwned = 1</script>"\n'),
    expect: {
      messages: [
        `The StatefulSet "<script>globalThis.__pwned = 1</script>" is invalid: metadata.name: Invalid value: "<script>globalThis.__pwned = 1</script>": ${RFC1123_LABEL}`,
      ],
      line: 18,
      applies: SERVICE_APPLIES,
    },
    e2e: true,
  },
  {
    id: 'markup-img-label',
    title: 'an <img onerror> as a label value',
    category: 'markup',
    input: svc('    app: nginx\nspec', '    app: "<img src=x onerror=globalThis.__pwned=1>"\nspec'),
    expect: {
      messages: [
        'metadata.labels: Invalid value: "<img src=x onerror=globalThis.__pwned=1>": a valid label must be',
      ],
      line: 5,
    },
    e2e: true,
  },
  {
    id: 'markup-annotation',
    title: 'HTML in an annotation (allowed: annotations are free text)',
    category: 'markup',
    input: svc(
      '  labels:\n',
      '  annotations:\n    note: "<b onmouseover=globalThis.__pwned=1>hi</b><script>globalThis.__pwned=1</script>"\n  labels:\n',
    ),
    expect: { messages: [], applies: SERVICE_APPLIES },
    e2e: true,
  },
  {
    id: 'markup-namespace',
    title: 'HTML as a namespace',
    category: 'markup',
    input: svc('  name: nginx\n', '  name: nginx\n  namespace: "<i>x</i>"\n'),
    expect: { messages: [`metadata.namespace: Invalid value: "<i>x</i>": ${RFC1123_LABEL}`], line: 5 },
    e2e: true,
  },
]

/** The text of a case. */
export function inputOf(c: CorpusCase): string {
  return typeof c.input === 'function' ? c.input() : c.input
}

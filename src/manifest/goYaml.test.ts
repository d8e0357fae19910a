// go-yaml's words for YAML mistakes, as kubectl v1.32 printed them for these exact files (each
// after `error: error parsing FILE: `): the golden output js-yaml's errors are mapped to (goYaml.ts).
import { describe, expect, test } from 'vitest'
import { parseManifests } from './parse'

// [name, file, what kubectl printed after "error parsing FILE: "]
const KUBECTL_1_32: [string, string, string][] = [
  [
    'anchor_empty',
    'a: & b\n',
    'error converting YAML to JSON: yaml: did not find expected alphabetic or numeric character',
  ],
  [
    'anchor_self',
    'a: &a\n  b: *a\n',
    "error converting YAML to JSON: yaml: anchor 'a' value contains itself",
  ],
  [
    'at_start',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: @nginx\n',
    'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  ],
  [
    'backtick',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: `nginx`\n',
    'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  ],
  ['bad_escape', 'a: "\\q"\n', 'error converting YAML to JSON: yaml: found unknown escape character'],
  [
    'binary_bad',
    'a: !!binary ==\n',
    'error converting YAML to JSON: yaml: !!binary value contains invalid base64 data',
  ],
  [
    'block_scalar_bad',
    'a: |\n  x\n y\n',
    'error converting YAML to JSON: yaml: line 2: did not find expected key',
  ],
  [
    'brace',
    'apiVersion: v1\nkind: Service\nmetadata: {name: nginx\n',
    "error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'",
  ],
  [
    'brace_mid',
    'apiVersion: v1\nkind: Service\nmetadata: {name: nginx\nspec:\n  clusterIP: None\n',
    "error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'",
  ],
  [
    'bracket',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  ports: [80\n',
    "error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'",
  ],
  [
    'bracket_mid',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  ports: [80\n  clusterIP: None\n',
    "error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'",
  ],
  ['close_bracket', 'a: ]\n', 'error converting YAML to JSON: yaml: did not find expected node content'],
  [
    'colon_in_value',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: a: b\n',
    'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'ctrl',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: ngi\u0001nx\n',
    'error converting YAML to JSON: yaml: control characters are not allowed',
  ],
  [
    'del',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: ngi\u007fnx\n',
    'error converting YAML to JSON: yaml: control characters are not allowed',
  ],
  [
    'dq',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: "nginx\n',
    'error converting YAML to JSON: yaml: line 5: found unexpected end of stream',
  ],
  [
    'dq_mid',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: "nginx\nspec:\n  clusterIP: None\n',
    'error converting YAML to JSON: yaml: line 7: found unexpected end of stream',
  ],
  [
    'float_tag',
    'a: !!float x\n',
    'error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!float',
  ],
  [
    'flow_map_missing_comma',
    'a: {b: 1 c: 2}\n',
    "error converting YAML to JSON: yaml: did not find expected ',' or '}'",
  ],
  [
    'key_after_scalar_dedent',
    'a:\n  b: c\n d: e\n',
    'error converting YAML to JSON: yaml: line 2: did not find expected key',
  ],
  [
    'key_no_value_dash',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: -\n',
    'error converting YAML to JSON: yaml: line 4: block sequence entries are not allowed in this context',
  ],
  [
    'line1_err',
    'apiVersion: v1: x\nkind: Service\n',
    'error converting YAML to JSON: yaml: mapping values are not allowed in this context',
  ],
  [
    'line1_tab',
    '\tapiVersion: v1\nkind: Service\n',
    'error converting YAML to JSON: yaml: found character that cannot start any token',
  ],
  [
    'merge_bad',
    'a: &x null\n<<:\n- *x\nb: 1\n',
    'error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value',
  ],
  [
    'multi_key',
    'a\nb: c\n',
    'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'nul',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: ngi\u0000nx\n',
    'error converting YAML to JSON: yaml: control characters are not allowed',
  ],
  [
    'over',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n   labels: x\n',
    'error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'percent',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: %nginx\n',
    'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  ],
  [
    'quote_then_text',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: "nginx" web\n',
    'error converting YAML to JSON: yaml: line 3: did not find expected key',
  ],
  [
    'seq_in_map',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  - foo\n',
    'error converting YAML to JSON: yaml: line 4: did not find expected key',
  ],
  [
    'seq_item_over',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: b\n   - name: c\n',
    'error converting YAML to JSON: yaml: line 8: did not find expected key',
  ],
  [
    'sq',
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: 'nginx\n",
    'error converting YAML to JSON: yaml: line 5: found unexpected end of stream',
  ],
  [
    'tab',
    'apiVersion: v1\nkind: Service\nmetadata:\n\tname: nginx\n',
    'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  ],
  [
    'tab_after_spaces',
    'apiVersion: v1\nkind: Service\nmetadata:\n  \tname: nginx\n',
    'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  ],
  [
    'unclosed_dq_multi',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "x\n  b: y\n',
    'error converting YAML to JSON: yaml: line 8: found unexpected end of stream',
  ],
  [
    'under',
    'apiVersion: v1\nkind: Service\nmetadata:\n    name: nginx\n  labels: x\n',
    'error converting YAML to JSON: yaml: line 4: did not find expected key',
  ],
  [
    'under_seq',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: b\n     ports: x\n',
    "error converting YAML to JSON: yaml: line 8: did not find expected '-' indicator",
  ],
  [
    'unknown_alias',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: *nope\n',
    "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced",
  ],
  [
    'value_dash_inline',
    'value: - a\n',
    'error converting YAML to JSON: yaml: block sequence entries are not allowed in this context',
  ],
]

describe('YAML syntax errors read as kubectl prints them', () => {
  test.each(KUBECTL_1_32)('%s', (_name, text, printed) => {
    expect(parseManifests(text).error?.yaml).toBe(printed)
  })

  test("a --- line with text after it ends the stream, as kubectl's reader says", () => {
    const r = parseManifests('a: 1\n--- foo\nb: 2\n')
    expect(r.error?.yaml).toBe('invalid Yaml document separator: foo')
    expect(r.documents.map((d) => d.value)).toEqual([{ a: 1 }])
  })
})

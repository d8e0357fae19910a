// kubectl's output layer (cli-runtime printers, printers.go columns, describe.go, jsonpath): pure
// functions from objects and the simulated time to the exact text kubectl prints.
export { ageOf, humanDuration, translateTimestampSince } from './humanDuration'
export { KUBECTL_DESCRIBE, KUBECTL_TABLE, TabWriter, type TabWriterOptions } from './tabwriter'
export {
  createTableWriter,
  printNoResources,
  printTable,
  printTables,
  TableWriter,
  type TableGroup,
  type TableOptions,
  type WatchEventType,
} from './table'
export { tableHandler, type ColumnDefinition, type TableHandler } from './columns'
export { describe, type DescribeOptions } from './describe'
export {
  printJsonPath,
  printOutput,
  printable,
  resourceName,
  type OutputOptions,
  type OutputResult,
} from './output'
export { printJson } from './output/json'
export { printYaml } from './output/yaml'
export { printCustomColumns } from './output/customColumns'
export { toUnstructured, type JsonValue } from './output/unstructured'

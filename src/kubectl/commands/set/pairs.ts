// cmdutil.GetResourcesAndPairs and ParsePairs: `TYPE NAME … KEY=VALUE …` split into resources
// and pairs, with kubectl's errors for a resource after a pair or a malformed pair.
import { KubectlError } from '../../env'

export function resourcesAndPairs(
  args: string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (nonResource) pairs.push(s)
    else if (pairs.length > 0)
      throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`)
    else resources.push(s)
  }
  return { resources, pairs }
}

/** ParsePairs without removals: KEY=VALUE into a map (the last of a repeated key wins). */
export function parsePairs(pairs: string[], pairType: string): Map<string, string> {
  const out = new Map<string, string>()
  const invalid: string[] = []
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=')
      out.set(p.slice(0, eq), p.slice(eq + 1))
    } else invalid.push(p)
  }
  if (invalid.length) throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`)
  return out
}

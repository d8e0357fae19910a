// Splits one console line into words the way a shell would (quotes, backslashes, no
// expansion), so `kubectl patch sts web -p '{"spec":{"replicas":3}}'` reaches kubectl intact.

export function splitCommandLine(line: string): { words: string[] } | { error: string } {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        word += line[++i]
      else word += ch
      continue
    }
    if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i]
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else if (ch === '#' && !inWord) {
      break
    } else {
      word += ch
      inWord = true
    }
  }
  if (quote) return { error: `unexpected EOF while looking for matching \`${quote}'` }
  if (inWord) words.push(word)
  return { words }
}

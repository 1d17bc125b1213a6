/**
 * Aho–Corasick over code points: finds every occurrence of thousands of patterns, overlapping ones
 * included, in one pass over the input, whatever the number of patterns. Pure data, no text handling:
 * folding happens before (normalise.ts).
 */
export type Automaton = {
  readonly patternCount: number
  /** Calls `onMatch` for each occurrence, in order of where it ends (`end` is exclusive). */
  scan(input: readonly number[], onMatch: (pattern: number, start: number, end: number) => void): void
}

/** Patterns must be non-empty and distinct; a pattern's number is its index in the array. */
export function buildAutomaton(patterns: readonly (readonly number[])[]): Automaton {
  const goto: Map<number, number>[] = [new Map()]
  const output: number[] = [-1]

  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) throw new RangeError(`pattern ${index} is empty`)
    let node = 0
    for (const symbol of pattern) {
      let child = goto[node].get(symbol)
      if (child === undefined) {
        child = goto.length
        goto.push(new Map())
        output.push(-1)
        goto[node].set(symbol, child)
      }
      node = child
    }
    if (output[node] !== -1) throw new RangeError(`pattern ${index} repeats pattern ${output[node]}`)
    output[node] = index
  })

  // Breadth first, so a node's failure link (its longest proper suffix in the trie) is always
  // settled before its children need it.
  const fail = new Int32Array(goto.length)
  // Nearest node down the failure chain that ends a pattern (0: none); following these instead of
  // copying output lists keeps memory linear even for patterns nested in each other.
  const outputLink = new Int32Array(goto.length)
  const queue: number[] = []
  for (const child of goto[0].values()) queue.push(child)
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]
    for (const [symbol, child] of goto[node]) {
      let candidate = fail[node]
      while (candidate !== 0 && !goto[candidate].has(symbol)) candidate = fail[candidate]
      const target = goto[candidate].get(symbol)
      fail[child] = target !== undefined && target !== child ? target : 0
      outputLink[child] = output[fail[child]] !== -1 ? fail[child] : outputLink[fail[child]]
      queue.push(child)
    }
  }

  const lengths = patterns.map((pattern) => pattern.length)

  return {
    patternCount: patterns.length,
    scan(input, onMatch) {
      let node = 0
      for (let i = 0; i < input.length; i++) {
        const symbol = input[i]
        let next = goto[node].get(symbol)
        while (next === undefined && node !== 0) {
          node = fail[node]
          next = goto[node].get(symbol)
        }
        node = next ?? 0
        for (let found = output[node] !== -1 ? node : outputLink[node]; found !== 0; found = outputLink[found]) {
          const pattern = output[found]
          onMatch(pattern, i + 1 - lengths[pattern], i + 1)
        }
      }
    },
  }
}

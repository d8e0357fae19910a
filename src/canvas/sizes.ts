// Sizes of the canvas's parts, in world units (px at zoom 1). Two tiers: full cards for a handful
// of slots, compact ones for dozens to hundreds (fewer lines of text, same objects).

export type Tier = 'detail' | 'compact'

export interface TierSize {
  /** Left gutter for row captions. */
  readonly gutter: number
  readonly colW: number
  readonly colGap: number
  readonly rowGap: number
  readonly barH: number
  readonly barGap: number
  readonly dnsH: number
  /** Space between the signpost and the slot, where the record's line runs. */
  readonly dnsGap: number
  readonly frameH: number
  /** The slot's nameplate band above its tenant. */
  readonly frameLabel: number
  readonly podInset: number
  readonly mountGap: number
  readonly claimH: number
  readonly stackGap: number
  readonly bindGap: number
  readonly volumeH: number
  readonly volumeInset: number
  readonly serviceH: number
  readonly classH: number
  readonly nodeH: number
}

export const DETAIL: TierSize = {
  gutter: 92,
  colW: 292,
  colGap: 24,
  rowGap: 40,
  barH: 72,
  barGap: 18,
  dnsH: 48,
  dnsGap: 22,
  frameH: 188,
  frameLabel: 32,
  podInset: 12,
  mountGap: 32,
  claimH: 56,
  stackGap: 10,
  bindGap: 22,
  volumeH: 50,
  volumeInset: 26,
  serviceH: 104,
  classH: 48,
  nodeH: 132,
}

export const COMPACT: TierSize = {
  ...DETAIL,
  gutter: 0,
  colW: 180,
  colGap: 14,
  rowGap: 26,
  dnsH: 30,
  dnsGap: 14,
  frameH: 104,
  frameLabel: 22,
  podInset: 7,
  mountGap: 16,
  claimH: 40,
  stackGap: 6,
  bindGap: 12,
  volumeH: 34,
  volumeInset: 14,
}

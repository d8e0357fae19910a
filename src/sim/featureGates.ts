// Kubernetes feature gates the simulator models, with their v1.34 defaults. A gate that is off
// behaves as in a cluster where it is off: the field is accepted and stored, and ignored.

export interface FeatureGates {
  /** Alpha and off in v1.34: StatefulSet rollingUpdate.maxUnavailable is ignored (taken as 1). */
  MaxUnavailableStatefulSet: boolean
}

export const DEFAULT_FEATURE_GATES: Readonly<FeatureGates> = {
  MaxUnavailableStatefulSet: false,
}

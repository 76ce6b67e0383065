import Testing

/// The tests that run load against an in-process target: one at a time, so that their timing
/// (spawn rates, arrival rates, stalls) is not skewed by each other's load on a small machine.
@Suite(.serialized) enum TargetRunTests {}

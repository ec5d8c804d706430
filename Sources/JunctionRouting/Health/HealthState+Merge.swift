extension HealthState {
    /// Placeholder until the merge lands: the other state wins.
    public func merged(with other: HealthState) -> HealthState { other }
}

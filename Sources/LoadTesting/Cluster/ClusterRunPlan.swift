/// What a distributed run does, decided on the master and shipped to its workers.
public struct ClusterRunPlan: Sendable {
    public var scenario: ScenarioChoice
    public var configuration: LoadConfiguration

    public init(scenario: ScenarioChoice, configuration: LoadConfiguration) {
        self.scenario = scenario
        self.configuration = configuration
    }

    var scenarioSource: ScenarioSource { scenario.source }
}

import ArgumentParser
import Foundation

/// Turns `--variant` values (repeated, or comma lists) into an experiment's variants.
enum VariantSelection {
    /// The variants named in `values`, in order and without repeats; every variant when `values`
    /// is empty. `option` names the flag in error messages (`--variant`, `--workload`).
    static func parse<Variant: CaseIterable & RawRepresentable & Equatable>(
        _ values: [String], experiment: String, option: String = "variant"
    ) throws -> [Variant] where Variant.RawValue == String, Variant.AllCases: Collection {
        let names = values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else { return Array(Variant.allCases) }
        var variants: [Variant] = []
        for name in names {
            guard let variant = Variant(rawValue: name) else {
                let known = Variant.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    "Unknown \(experiment) \(option) '\(name)'. Choose from \(known): repeat --\(option) or separate names with commas, e.g. --\(option) \(Variant.allCases.prefix(2).map(\.rawValue).joined(separator: ","))."
                )
            }
            if !variants.contains(variant) { variants.append(variant) }
        }
        return variants
    }

    /// Help text listing each variant with its summary.
    static func help<Variant: CaseIterable & RawRepresentable>(
        _ summary: (Variant) -> String
    ) -> ArgumentHelp where Variant.RawValue == String {
        let lines = Variant.allCases.map { "\($0.rawValue): \(summary($0))" }.joined(separator: "; ")
        return ArgumentHelp(
            "Variants to run, repeated or comma-separated (default: all). \(lines).",
            valueName: "name"
        )
    }
}

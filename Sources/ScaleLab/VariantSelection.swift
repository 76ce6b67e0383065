import ArgumentParser
import Foundation

/// Turns `--variant` values (repeated, or comma lists) into an experiment's variants, once.
enum VariantSelection {
    /// A parser for one `--variant` value (a name, or names separated by commas), for the
    /// option's `transform:` so each value is parsed once, when the arguments are. `option`
    /// names the flag in error messages (`variant`, `workload`).
    static func parser<Variant: CaseIterable & RawRepresentable & Equatable & Sendable>(
        experiment: String, option: String = "variant"
    ) -> @Sendable (String) throws -> [Variant] where Variant.RawValue == String, Variant.AllCases: Collection {
        { value in
            try value.split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty }
                .map { name in
                    guard let variant = Variant(rawValue: name) else {
                        let known = Variant.allCases.map(\.rawValue).joined(separator: ", ")
                        throw ValidationError(
                            "Unknown \(experiment) \(option) '\(name)'. Choose from \(known): repeat --\(option) or separate names with commas, e.g. --\(option) \(Variant.allCases.prefix(2).map(\.rawValue).joined(separator: ","))."
                        )
                    }
                    return variant
                }
        }
    }

    /// The variants of every value, in order and without repeats; every variant when none
    /// was named.
    static func chosen<Variant: CaseIterable & Equatable>(_ values: [[Variant]]) -> [Variant]
    where Variant.AllCases: Collection {
        var variants: [Variant] = []
        for variant in values.joined() where !variants.contains(variant) { variants.append(variant) }
        return variants.isEmpty ? Array(Variant.allCases) : variants
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

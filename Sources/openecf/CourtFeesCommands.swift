import ArgumentParser
import ECFApp
import ECFDomain
import ECFPersistence
import ECFServices
import Foundation

/// `openecf court set cacd --fee-free` (or `--no-fee-free`)
struct CourtSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a court's public-access settings.",
        discussion:
            "A fee-free court charges nothing for documents, docket reports and searches and shows no receipts. Audited."
    )

    @Argument(help: "The court id, such as cacd.") var court: String
    @Flag(inversion: .prefixedNo, help: "Charge no public-access fees in this court.") var feeFree: Bool
    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            do {
                try await SetCourtFees(try await composition.courtContext()).feeFree(
                    feeFree, court: court, by: .operatorCLI)
                await composition.close()
            } catch {
                await composition.close()
                throw error
            }
            print(
                feeFree
                    ? "\(court): public access is free; no receipts are shown."
                    : "\(court): public access is billed at the PACER fee schedule.")
        }
    }
}

/// `openecf court exempt cacd demo-press --reason "…"` (or `--revoke`)
struct CourtExemptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exempt", abstract: "Exempt a PACER account from public-access fees in one court.",
        discussion: "For pro bono counsel, researchers and others the court exempts. Audited.")

    @Argument(help: "The court id, such as cacd.") var court: String
    @Argument(help: "The PACER username.") var username: String
    @Option(help: "Why the account is exempt.") var reason: String?
    @Flag(help: "End the exemption instead.") var revoke = false
    @OptionGroup var settings: SettingsOptions

    func validate() throws {
        if revoke == (reason != nil) {
            throw ValidationError("Give either --reason \"why\" to exempt the account, or --revoke to end it.")
        }
    }

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            do {
                guard let name = Username(username),
                    let account = try await composition.accountStore().account(username: name)
                else {
                    throw CourtError(.notFound, "There is no PACER account with the username \(username).")
                }
                try await SetCourtFees(try await composition.courtContext()).exempt(
                    account.id, username: username, reason: revoke ? nil : reason, court: court, by: .operatorCLI)
                await composition.close()
            } catch {
                await composition.close()
                throw error
            }
            print(revoke ? "\(username) pays fees in \(court) again." : "\(username) views \(court) free.")
        }
    }
}

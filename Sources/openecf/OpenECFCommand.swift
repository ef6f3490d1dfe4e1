import ArgumentParser

@main
struct OpenECFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openecf",
        abstract: "OpenECF: court electronic filing (CM/ECF) and the PACER account service, in one server.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, CourtCommand.self, CourtAccountCommand.self, AccountCommand.self,
            MailCommand.self, GenerateCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}

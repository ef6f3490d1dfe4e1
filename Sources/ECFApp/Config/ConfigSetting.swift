/// One setting: its flag, its environment variable and what it does (for `--help` and the README).
public struct ConfigSetting: Sendable {
    public let key: String
    public let flag: String
    public let environmentVariable: String
    public let defaultValue: String
    public let summary: String

    init(_ key: String, flag: String, default defaultValue: String, _ summary: String) {
        self.key = key
        self.flag = flag
        self.defaultValue = defaultValue
        self.summary = summary
        var variable = "OPENECF_"
        for character in key {
            if character.isUppercase { variable += "_" }
            variable += character.uppercased()
        }
        self.environmentVariable = variable
    }

    public static let all: [ConfigSetting] = [
        ConfigSetting("host", flag: "--host", default: "127.0.0.1", "Address to listen on."),
        ConfigSetting("port", flag: "--port", default: "8080", "Port to listen on (0 picks a free one)."),
        ConfigSetting(
            "dataDir", flag: "--data-dir", default: "./data", "Directory for SQLite files, documents and mail files."),
        ConfigSetting(
            "databaseUrl", flag: "--database-url", default: "SQLite files in the data dir",
            "postgres://user:password@host:5432/openecf gives the PSC and each court its own PostgreSQL database (openecf_psc, openecf_cacd, …)."
        ),
        ConfigSetting("publicUrl", flag: "--public-url", default: "http://HOST:PORT", "Base of the links in e-mails."),
        ConfigSetting(
            "smtpUrl", flag: "--smtp-url", default: "none: mail is written to DATA_DIR/mail/*.eml",
            "smtp://host:port, smtp://user:pass@host:587?starttls=required, or smtps://user:pass@host:465."),
        ConfigSetting(
            "mailFrom", flag: "--mail-from", default: "OpenECF <noreply@localhost>", "Sender of every e-mail."),
        ConfigSetting("demo", flag: "--demo", default: "false", "Seed demo data into an empty database."),
        ConfigSetting(
            "clockStart", flag: "--clock-start", default: "now",
            "Demo and tests only: the clock starts at this ISO 8601 instant and runs forward."),
        ConfigSetting(
            "logFormat", flag: "--log-format", default: "text", "text, or json for one JSON object per line."),
        ConfigSetting(
            "logLevel", flag: "--log-level", default: "info", "trace, debug, info, notice, warning, error or critical."),
        ConfigSetting(
            "apiTokenRateLimit", flag: "--api-token-rate-limit", default: "600",
            "Requests a minute each personal API token may make; beyond it the API answers 429 with Retry-After."),
        ConfigSetting(
            "webhooksAllowPrivate", flag: "--webhooks-allow-private", default: "false",
            "Tests only: let docket webhooks deliver to loopback and private network addresses."),
    ]
}

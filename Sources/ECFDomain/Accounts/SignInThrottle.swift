import Foundation

/// How repeated failed sign-ins are slowed and stopped.
///
/// Source: NIST SP 800-63B §5.2.2 (rate limiting): no more than 100 consecutive failures, with
/// delays before that. Here: from the 3rd failure in a row each attempt waits (1 s, then 2 s, then
/// 4 s… at most 30 s); the 10th failure in a row locks the account for 30 minutes and the owner
/// is told by e-mail. A client address with 30 failures in 15 minutes, whatever the accounts, is
/// refused for 15 minutes.
public enum SignInThrottle {
    public static let lockAfterFailures = 10
    public static let lockDuration: TimeInterval = 30 * 60
    public static let clientFailureLimit = 30
    public static let clientWindow: TimeInterval = 15 * 60

    /// The wait before the next attempt after `failures` failures in a row.
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= 3 else { return 0 }
        return min(30, pow(2, Double(failures - 3)))
    }

    /// Whether this failure locks the account.
    public static func locks(afterFailures failures: Int) -> Bool {
        failures >= lockAfterFailures
    }
}

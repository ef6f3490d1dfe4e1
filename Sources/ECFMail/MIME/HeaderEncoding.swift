import Foundation

/// Header text: plain ASCII as it is; anything else as RFC 2047 encoded words (UTF-8, base64),
/// split so that no encoded word exceeds 75 characters.
enum HeaderEncoding {
    static func encode(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.allSatisfy({ $0.isASCII }) { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            let candidate = chunk + String(character)
            if Data(candidate.utf8).base64EncodedString().count > 48 {
                words.append(word(chunk))
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}

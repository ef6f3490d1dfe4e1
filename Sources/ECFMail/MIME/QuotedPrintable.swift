import Foundation

/// Quoted-printable body encoding (RFC 2045 §6.7) with CRLF line ends and soft breaks before 76
/// characters, so any text survives any mail server. Byte by byte: a notice to 500 counsel is
/// encoded 500 times.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var start = 0
        var index = 0
        var first = true
        // Each line (ended by CRLF, CR or LF) encoded on its own and ended by CRLF.
        func line(to end: Int) {
            if !first { output += [13, 10] }
            first = false
            encodeLine(bytes[start..<end], into: &output)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 10 || byte == 13 {
                line(to: index)
                if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                start = index + 1
            }
            index += 1
        }
        line(to: bytes.count)
        return String(decoding: output, as: UTF8.self)
    }

    private static func encodeLine(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var lineLength = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isLast = index == bytes.endIndex - 1
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            let width = literal ? 1 : 3
            if lineLength + width > 75 {
                output += [61, 13, 10]  // "=" CRLF: a soft line break
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output += [61, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
            lineLength += width
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

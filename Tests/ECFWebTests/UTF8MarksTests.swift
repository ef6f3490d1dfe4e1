import Testing

@testable import ECFWeb

@Suite("Marks in rendered HTML found by their bytes")
struct UTF8MarksTests {
    @Test func theTextIsCutAtEachMarkInOrderAndNothingElseIsLost() throws {
        let text = "<h1>李小龍 — Ærøskøbing</h1><!--entries--><tr>é</tr>\n<!--receipt--><p>Ольга</p>"
        let parts = try #require(UTF8Marks.split(text, at: ["<!--entries-->", "<!--receipt-->"]))
        #expect(parts == ["<h1>李小龍 — Ærøskøbing</h1>", "<tr>é</tr>\n", "<p>Ольга</p>"])
        #expect(parts.joined(separator: "|") == "<h1>李小龍 — Ærøskøbing</h1>|<tr>é</tr>\n|<p>Ольга</p>")
    }

    @Test func marksAtEitherEndLeaveEmptyParts() throws {
        #expect(UTF8Marks.split("<!--a-->x<!--b-->", at: ["<!--a-->", "<!--b-->"]) == ["", "x", ""])
        #expect(UTF8Marks.split("<!--a--><!--a-->", at: ["<!--a-->", "<!--a-->"]) == ["", "", ""])
    }

    @Test func aMissingOrOutOfOrderMarkIsNil() {
        #expect(UTF8Marks.split("<p><!--entries--></p>", at: ["<!--entries-->", "<!--receipt-->"]) == nil)
        #expect(UTF8Marks.split("<!--receipt--><!--entries-->", at: ["<!--entries-->", "<!--receipt-->"]) == nil)
        #expect(UTF8Marks.split("<!--entries", at: ["<!--entries-->"]) == nil)
        #expect(UTF8Marks.split("", at: ["<!--entries-->"]) == nil)
    }
}

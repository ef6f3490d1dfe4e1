"""Small PDFs for the filing tests: one page per list of lines, with a text layer, or "scanned"
(the lines drawn as bars, no text)."""


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(*pages, scanned=False):
    pages = pages or (["A PAGE"],)
    count = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{4 + 2 * i} 0 R" for i in range(count)), count),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, lines in enumerate(pages):
        content = ""
        for number, line in enumerate(lines):
            if scanned:
                content += f"72 {716 - 16 * number} 400 10 re f\n"
            else:
                content += f"BT /F1 12 Tf 72 {720 - 16 * number} Td ({escape(line)}) Tj ET\n"
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * index} 0 R >>")
        objects.append(f"<< /Length {len(content.encode())} >>\nstream\n{content}endstream")
    output = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return output


def write(directory, name, *pages, scanned=False):
    path = directory / name
    path.write_bytes(text_pdf(*pages, scanned=scanned))
    return str(path)

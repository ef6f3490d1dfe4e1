"""PDFs for the filing tests and the benchmarks: one page per list of lines, with a text layer, or
"scanned" (the lines drawn as bars, no text); with `image_bytes`, each page also shows a gray image
of that many bytes (a large file that is still text-searchable)."""


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(*pages, scanned=False, image_bytes=0):
    pages = pages or (["A PAGE"],)
    count = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{4 + 2 * i} 0 R" for i in range(count)), count),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    width = 1000
    height = max(1, image_bytes // width)
    for index, lines in enumerate(pages):
        content = "q 468 0 0 300 72 72 cm /Im1 Do Q\n" if image_bytes else ""
        for number, line in enumerate(lines):
            if scanned:
                content += f"72 {716 - 16 * number} 400 10 re f\n"
            else:
                content += f"BT /F1 12 Tf 72 {720 - 16 * number} Td ({escape(line)}) Tj ET\n"
        image = f" /XObject << /Im1 {4 + 2 * count} 0 R >>" if image_bytes else ""
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >>"
            f"{image} >> /Contents {5 + 2 * index} 0 R >>")
        objects.append(f"<< /Length {len(content.encode())} >>\nstream\n{content}endstream")
    if image_bytes:
        # The gray levels repeat, as a scan of a form's lines would.
        pixels = bytes(range(256)) * (width * height // 256) + bytes(width * height % 256)
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n".encode() + pixels + b"\nendstream")
    output = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        body = body if isinstance(body, bytes) else body.encode()
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
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

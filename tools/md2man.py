#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Converts one of coterm's manual pages (docs/cli/*.md) to a man page (roff).

The pages use a small part of Markdown: '#' title, '##' sections, '###' subsections,
paragraphs, '- ' and '1. ' lists, ``` blocks, | tables |, `code`, **bold**, *emphasis*
and [links](url). That part is translated here, so no converter outside Debian's base
is needed (pandoc is not). Usage: md2man.py PAGE.md OUT.1 NAME VERSION
"""
import re
import sys


def escape(text):
    """Roff-escapes plain text: backslashes, and '-' as a minus so options copy right."""
    return text.replace("\\", "\\e").replace("-", "\\-")


def inline(text):
    """Markdown inline markup to roff fonts; everything else escaped."""
    out = []
    # Tokens: `code`, **bold**, *emphasis*, [text](link); text between them is plain.
    pattern = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)]+)\)")
    pos = 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos:m.start()]))
        code, bold, emph, link_text, _ = m.groups()
        if code is not None:
            out.append("\\fB" + escape(code) + "\\fR")
        elif bold is not None:
            out.append("\\fB" + escape(bold) + "\\fR")
        elif emph is not None:
            out.append("\\fI" + escape(emph) + "\\fR")
        else:
            out.append(escape(link_text))
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def line_out(text):
    """A roff text line may not start with '.' or "'" (they start requests)."""
    return "\\&" + text if text[:1] in (".", "'") else text


def convert(lines, name, version):
    out = ['.TH "%s" 1 "" "coterm %s" "coterm manual"' % (name.upper(), version)]
    in_code = False
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("```"):
            out.append(".fi\n.RE" if in_code else ".RS 4\n.nf")
            in_code = not in_code
            continue
        if in_code:
            out.append(line_out(escape(line)))
            continue
        stripped = line.strip()
        if line.startswith("# "):
            continue  # the title is the .TH line
        if line.startswith("## "):
            out.append(".SH " + escape(line[3:].strip().upper()))
        elif line.startswith("### "):
            out.append(".SS " + inline(line[4:].strip()))
        elif not stripped:
            out.append(".PP")
        elif stripped.startswith("|"):
            if re.fullmatch(r"\|[\s:|-]+\|?", stripped):
                continue  # the header rule of a table
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            out.append(".br\n" + line_out(inline(" \u2014 ".join(cells))))
        elif re.match(r"- ", stripped):
            out.append(".IP \\(bu 2\n" + line_out(inline(stripped[2:])))
        elif re.match(r"\d+\. ", stripped):
            number, rest = stripped.split(" ", 1)
            out.append(".IP %s 4\n%s" % (number, line_out(inline(rest))))
        else:
            out.append(line_out(inline(stripped)))
    # Consecutive paragraph marks collapse to one.
    text = "\n".join(out) + "\n"
    return re.sub(r"(\.PP\n)+", ".PP\n", text)


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: md2man.py PAGE.md OUT.1 NAME VERSION")
    src, dst, name, version = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        text = convert(f.readlines(), name, version)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()

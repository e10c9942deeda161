/**
 * The documents' own stylesheet, inline in every document (a document is one standalone file: no
 * request when opened or printed, and a published version keeps the look it was published with).
 * Printed on A4 by Chromium, which draws the page margin boxes: the running footer and the page
 * numbers. System fonts only, the platform's colours, AA contrast.
 */

/** A CSS string literal: anything but plain letters, digits and spaces as an escape (`\22 `). */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((character) =>
      /[\p{L}\p{N} .,’'()–—-]/u.test(character)
        ? character
        : `\\${(character.codePointAt(0) as number).toString(16)} `,
    )
    .join('')
  return `"${escaped}"`
}

export function documentStyle(footer: string): string {
  return `
@page {
  size: A4;
  margin: 18mm 17mm 20mm;
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt/1.2 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #4a5560; }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); font: 7.5pt/1.2 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #4a5560; }
}
:root { font-family: "DejaVu Sans", "Liberation Sans", system-ui, Arial, sans-serif; font-size: 10pt; line-height: 1.45; color: #1d2329; background: #fff; }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 19pt; line-height: 1.2; color: #07392e; margin: 0.2em 0 0.3em; }
h2 { font-size: 13.5pt; color: #0b5d4b; border-bottom: 1px solid #c9d3cf; padding-bottom: 0.15em; margin: 1.6em 0 0.6em; break-after: avoid; }
h3 { font-size: 11pt; color: #07392e; margin: 1.2em 0 0.4em; break-after: avoid; }
h4 { font-size: 10pt; margin: 1em 0 0.3em; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
a { color: #0a5a8c; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.1em; font-size: 8.5pt; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.3em; }
th, td { border: 1px solid #c9d3cf; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
thead th { background: #f2f6f4; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption, thead tr { break-after: avoid; }
tbody tr:first-child { break-before: avoid; }
.num { text-align: right; white-space: nowrap; }
.cover { border-bottom: 3px solid #0b5d4b; padding-bottom: 0.8em; margin-bottom: 1.2em; }
.cover .kicker { font-size: 10pt; font-weight: 700; color: #0b5d4b; text-transform: uppercase; letter-spacing: 0.04em; margin: 0; }
.cover .subtitle { font-size: 12pt; margin: 0; }
.meta, .note { color: #4a5560; }
.note { font-size: 8.5pt; }
.draft { border: 2px solid #713f12; background: #fff4d6; color: #713f12; font-weight: 700; padding: 0.4em 0.7em; }
.toc ol { padding-left: 1.4em; margin: 0.3em 0; }
dl.profile { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0.5em 0 1em; }
dl.profile dt { font-weight: 700; }
dl.profile dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 0.6em; list-style: none; padding: 0; margin: 0.5em 0 1em; }
.figures li { border: 1px solid #c9d3cf; background: #f2f6f4; padding: 0.4em 0.7em; min-width: 9rem; }
.figures strong { display: block; font-size: 13pt; color: #07392e; }
.action-description { display: block; color: #4a5560; font-size: 8pt; font-weight: 400; }
.empty { font-style: italic; color: #4a5560; }
footer.colophon { margin-top: 2em; border-top: 1px solid #c9d3cf; padding-top: 0.5em; font-size: 8pt; color: #4a5560; }
@media screen {
  :root { font-size: 11pt; }
}
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; }
}
`
}

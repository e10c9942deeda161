/**
 * RFC 4180 reading (quoted fields, doubled quotes, CRLF or LF line ends): enough for the browser
 * tests to read what the application exports (not a general CSV reader: the app has its own).
 */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === separator) {
      fields.push(field)
      field = ''
    } else if (character === '\n' || (character === '\r' && text[index + 1] === '\n')) {
      if (character === '\r') index++
      fields.push(field)
      rows.push(fields)
      fields = []
      field = ''
    } else field += character
  }
  if (field !== '' || fields.length > 0) rows.push([...fields, field])
  return rows
}

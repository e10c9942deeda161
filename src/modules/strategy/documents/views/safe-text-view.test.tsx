import { describe, expect, it } from 'vitest'
import { SafeTextView } from './safe-text-view.js'

const html = (source: string) => String(<SafeTextView source={source} />)

describe('a free-text section rendered', () => {
  it('escapes whatever HTML a member types', () => {
    const out = html('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)> & **<i>gras</i>**')
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(out).toContain('<strong>&lt;i&gt;gras&lt;/i&gt;</strong>')
  })

  it('renders headings, lists, bold and safe links only', () => {
    const out = html(
      '## Gouvernance\n- **Comité** de pilotage\n- [Charte](https://exemple.fr/?a=1&b="2")\n\n[x](javascript:alert(1))',
    )
    expect(out).toContain('<h3>Gouvernance</h3>')
    expect(out).toContain('<li><strong>Comité</strong> de pilotage</li>')
    expect(out).toContain('<a href="https://exemple.fr/?a=1&amp;b=%222%22">Charte</a>')
    expect(out).toContain('<p>[x](javascript:alert(1))</p>')
    expect(out).not.toContain('href="javascript')
  })
})

import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './local-path.js'

describe('safeReturnPath', () => {
  it('keeps a local path with its query', () => {
    expect(safeReturnPath('/territoires?q=lyon', '/')).toBe('/territoires?q=lyon')
  })

  it('refuses every way out of the site that browsers accept', () => {
    for (const target of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'evil',
      '/a\\b',
    ]) {
      expect(safeReturnPath(target, '/espaces'), JSON.stringify(target)).toBe('/espaces')
    }
  })
})

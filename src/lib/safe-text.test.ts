import { describe, expect, it } from 'vitest'
import { isSafeTextEmpty, parseSafeText, safeLinkHref } from './safe-text.js'

describe('the safe text format', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseSafeText('Premier paragraphe\nsuite.\n\n\nSecond.')).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Premier paragraphe' },
          { kind: 'break' },
          { kind: 'text', text: 'suite.' },
        ],
      },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Second.' }] },
    ])
  })

  it('reads subheadings and bullet lists, an indented line continuing its item', () => {
    expect(parseSafeText('## Pilotage\n- le comité\n- les référents\n  de chaque direction\nAprès.')).toEqual(
      [
        { kind: 'heading', content: [{ kind: 'text', text: 'Pilotage' }] },
        {
          kind: 'list',
          items: [
            [{ kind: 'text', text: 'le comité' }],
            [{ kind: 'text', text: 'les référents de chaque direction' }],
          ],
        },
        { kind: 'paragraph', content: [{ kind: 'text', text: 'Après.' }] },
      ],
    )
  })

  it('reads bold, and links inside bold', () => {
    expect(parseSafeText('Un **point clé** et **[la charte](https://exemple.fr/charte)**.')).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Un ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'point clé' }] },
          { kind: 'text', text: ' et ' },
          {
            kind: 'strong',
            children: [{ kind: 'link', text: 'la charte', href: 'https://exemple.fr/charte' }],
          },
          { kind: 'text', text: '.' },
        ],
      },
    ])
  })

  it('keeps an unclosed mark as text', () => {
    expect(parseSafeText('2 ** 3 et [crochet')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '2 ** 3 et [crochet' }] },
    ])
  })

  it('makes links of http and https addresses only; anything else stays text', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://exemple.fr',
      '/relatif',
      'mailto:a@b.fr',
    ])
      expect(parseSafeText(`[lien](${href})`)).toEqual([
        { kind: 'paragraph', content: [{ kind: 'text', text: `[lien](${href})` }] },
      ])
    expect(parseSafeText('[Site](http://exemple.fr/a?b=1)')).toEqual([
      {
        kind: 'paragraph',
        content: [{ kind: 'link', text: 'Site', href: 'http://exemple.fr/a?b=1' }],
      },
    ])
    expect(safeLinkHref('JavaScript://exemple.fr')).toBeNull()
    expect(safeLinkHref('https://exemple.fr/«x»')).toBe('https://exemple.fr/%C2%ABx%C2%BB')
  })

  it('keeps HTML as plain text: the tree holds strings, never markup', () => {
    expect(parseSafeText('<script>alert(1)</script> <b>gras</b>')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script> <b>gras</b>' }] },
    ])
  })

  it('knows an empty section', () => {
    expect(isSafeTextEmpty(' \n \n')).toBe(true)
    expect(isSafeTextEmpty(null)).toBe(true)
    expect(isSafeTextEmpty('x')).toBe(false)
    expect(parseSafeText('\r\n\r\n')).toEqual([])
  })
})

import { parseSafeText, type SafeInline } from '../../../../lib/safe-text.js'

function Inline({ content }: { content: SafeInline[] }) {
  return (
    <>
      {content.map((node) => {
        if (node.kind === 'text') return node.text
        if (node.kind === 'break') return <br />
        if (node.kind === 'link') return <a href={node.href}>{node.text}</a>
        return (
          <strong>
            <Inline content={node.children} />
          </strong>
        )
      })}
    </>
  )
}

/**
 * A free-text section (lib/safe-text.ts) as HTML, through JSX only: every string is escaped.
 * `headingLevel` is the level of the section's own subheadings (« ## » lines), one below the
 * heading the section sits under.
 */
export function SafeTextView({ source, headingLevel = 3 }: { source: string; headingLevel?: 3 | 4 }) {
  return (
    <>
      {parseSafeText(source).map((block) => {
        if (block.kind === 'paragraph')
          return (
            <p>
              <Inline content={block.content} />
            </p>
          )
        if (block.kind === 'list')
          return (
            <ul>
              {block.items.map((item) => (
                <li>
                  <Inline content={item} />
                </li>
              ))}
            </ul>
          )
        return headingLevel === 3 ? (
          <h3>
            <Inline content={block.content} />
          </h3>
        ) : (
          <h4>
            <Inline content={block.content} />
          </h4>
        )
      })}
    </>
  )
}

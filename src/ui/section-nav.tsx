/** One link of a section navigation. */
export interface NavSection<Id extends string> {
  id: Id
  href: string
  label: string
}

/**
 * A navigation between the sections of one part of the site (a workspace, its footprint, its
 * strategy): the current section is marked with aria-current. `secondary` is the second row, under
 * the workspace's own navigation.
 */
export function SectionNav<Id extends string>({
  label,
  sections,
  current,
  secondary = false,
}: {
  label: string
  sections: readonly NavSection<Id>[]
  current: Id
  secondary?: boolean
}) {
  return (
    <nav aria-label={label} class={secondary ? 'subnav subnav-secondary' : 'subnav'}>
      <ul>
        {sections.map((section) => (
          <li>
            <a href={section.href} aria-current={section.id === current ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

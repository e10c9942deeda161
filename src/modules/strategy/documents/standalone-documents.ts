/**
 * A generated or published document is standalone HTML with inline CSS and nothing else. It is
 * served with this CSP instead of the site's (which forbids inline styles): no script, no request
 * of any kind may run from it, even if a text in it had been crafted to try (every text went
 * through JSX, escaped). app.ts keeps a CSP a route sets itself (secureHeaders' overwrite: false).
 */
export const standaloneDocumentCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

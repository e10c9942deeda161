import type { WorkspaceRole } from '../db/schema.js'
import type { TestApp } from './test-app.js'
import { createTestUser, Visitor } from './test-users.js'

/** The commune most HTTP tests open their workspace for (Lyon). */
const testCommuneCode = '69123'

/**
 * A member of a commune's workspace with the given role (the workspace is opened by its first
 * member), already signed in: what nearly every workspace page test starts with.
 */
export async function signedInMember(
  test: TestApp,
  email: string,
  role: WorkspaceRole,
  code: string = testCommuneCode,
): Promise<{ visitor: Visitor; userId: number; workspaceId: number }> {
  const created = await createTestUser(test.database.db, {
    email,
    workspace: { kind: 'commune', code, role },
  })
  const visitor = new Visitor(test.app)
  const signedIn = await visitor.signIn(email)
  if (signedIn.status !== 303) throw new Error(`${email} could not sign in (${signedIn.status})`)
  return { visitor, userId: created.userId, workspaceId: created.workspaceId as number }
}

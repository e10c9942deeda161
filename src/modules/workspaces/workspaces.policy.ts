import type { PlatformRole, WorkspaceRole } from '../../db/schema.js'
import type { CurrentUser } from '../accounts/sessions.js'

/** What can be done in a workspace. Every workspace route names one of these. */
export type WorkspaceAction =
  | 'workspace.view'
  | 'workspace.editData'
  | 'members.view'
  | 'members.manage'
  | 'audit.view'
  | 'assessment.edit'
  | 'assessment.submit'
  | 'inventory.edit'
  | 'footprint.edit'
  | 'strategy.edit'
  | 'strategy.publish'

const rolesAllowed: Record<WorkspaceAction, readonly WorkspaceRole[]> = {
  'workspace.view': ['admin', 'contributor', 'reader'],
  'workspace.editData': ['admin', 'contributor'],
  'members.view': ['admin', 'contributor', 'reader'],
  'members.manage': ['admin'],
  'audit.view': ['admin'],
  'assessment.edit': ['admin', 'contributor'],
  // Submitting locks the year's answers and puts them in the peer figures: the admin's call.
  'assessment.submit': ['admin'],
  // Items, datacenters, type mapping and imports.
  'inventory.edit': ['admin', 'contributor'],
  // Scenarios, the workspace's base and method, its own factor bases, freezing a year's result.
  'footprint.edit': ['admin', 'contributor'],
  // Indicator values, objectives, actions, milestones and the documents' texts.
  'strategy.edit': ['admin', 'contributor'],
  // Publishing or withdrawing a document speaks for the territory in public: the admin's call.
  'strategy.publish': ['admin'],
}

/** Only members act in a workspace: operators manage workspaces, observers read what is published. */
export function canInWorkspace(role: WorkspaceRole | null, action: WorkspaceAction): boolean {
  return role !== null && rolesAllowed[action].includes(role)
}

export type PlatformAction = 'operator.manage' | 'operator.audit' | 'platform.observe'

const platformRolesAllowed: Record<PlatformAction, readonly PlatformRole[]> = {
  'operator.manage': ['operator'],
  'operator.audit': ['operator'],
  // National figures are aggregates (groups of at least 5): observers (State, networks) read them.
  'platform.observe': ['operator', 'observer'],
}

export function canOnPlatform(user: CurrentUser | null, action: PlatformAction): boolean {
  return user?.platformRole != null && platformRolesAllowed[action].includes(user.platformRole)
}

import { z } from 'zod'
import { workspaceRoles } from '../../db/schema.js'
import { passwordProblem } from './passwords.js'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'form.email.invalid' }))
const name = z.string().trim().min(1, 'form.name.invalid').max(100, 'form.name.invalid')

/** A new password, checked against the length rule and the common-password list. */
const newPassword = (emailOf?: (data: Record<string, unknown>) => string | undefined) =>
  z
    .object({ password: z.string().max(1000), confirm: z.string().max(1000) })
    .passthrough()
    .superRefine((data, context) => {
      const problem = passwordProblem(data.password, emailOf?.(data))
      if (problem)
        context.addIssue({ code: 'custom', path: ['password'], message: `form.password.${problem}` })
      else if (data.password !== data.confirm) {
        context.addIssue({ code: 'custom', path: ['confirm'], message: 'form.password.mismatch' })
      }
    })

export const signInSchema = z.object({ email, password: z.string().min(1, 'form.required').max(1000) })
export const resetRequestSchema = z.object({ email })
export const resetSchema = newPassword()
export const acceptInvitationSchema = newPassword((data) => String(data.email ?? '')).and(z.object({ name }))
export const profileSchema = z.object({ name })
export const languageSchema = z.object({ locale: z.enum(['fr', 'en']) })
export const emailChangeSchema = z.object({ email, emailCurrent: z.string().min(1, 'form.required') })
export const passwordChangeSchema = newPassword().and(
  z.object({ current: z.string().min(1, 'form.required') }),
)
export const deleteAccountSchema = z.object({ deleteCurrent: z.string().min(1, 'form.required') })
export const roleSchema = z.enum(workspaceRoles, { error: 'form.role.invalid' })
export const inviteSchema = z.object({ email, role: roleSchema })

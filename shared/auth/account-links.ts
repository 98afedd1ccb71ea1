// The wire shapes of the account links (invitation, email verification, password reset): what the
// gateway answers and the client checks before showing it.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password-rules.ts';

export const invitationAnswerSchema = z.object({ invitation: z.object({ name: z.string(), email: z.string() }) });
export type InvitationAnswer = z.infer<typeof invitationAnswerSchema>;

export const emailRequestSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

/** The minimum is checked separately, so a short password gets its own sentence (password_too_weak). */
export const newPasswordRequestSchema = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH) });

/** The same answer to every request that may send mail, whether or not the account exists. */
export const MAIL_REQUEST_ACCEPTED = { accepted: true } as const;

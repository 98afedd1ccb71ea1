// The sandbox mailbox on the wire: mail the gateway sent, newest first, as an admin reads it.

import { z } from 'zod';

export const sentMailSchema = z.object({
	id: z.string(),
	to: z.string(),
	subject: z.string(),
	body: z.string(),
	sentAt: z.number()
});
export type SentMailItem = z.infer<typeof sentMailSchema>;

export const mailboxAnswerSchema = z.object({ mail: z.array(sentMailSchema) });
export type MailboxAnswer = z.infer<typeof mailboxAnswerSchema>;

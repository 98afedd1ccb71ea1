// Hands mail to the SMTP server in SMTP_URL (smtp://user:pass@host:587, or smtps:// for implicit
// TLS) with nodemailer, as plain text from MAIL_FROM. Recording and the commit wait are the mailer's.

import nodemailer from 'nodemailer';
import type { Mail } from '../mail/mailer.ts';

export type SmtpSettings = { url: string; from: string };

export type SmtpDelivery = { deliver(mail: Mail): Promise<void>; close(): void };

export function createSmtpDelivery(settings: SmtpSettings): SmtpDelivery {
	const transport = nodemailer.createTransport(settings.url);
	return {
		async deliver(mail) {
			await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.body });
		},
		close: () => transport.close()
	};
}

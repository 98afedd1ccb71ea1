// A small SMTP server for tests (RFC 5321, just enough of it): it accepts every message, with
// AUTH PLAIN when the client logs in, and keeps what it received, so delivery runs over a real socket.

import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type ReceivedMail = { user: string | null; from: string; to: string[]; data: string };

export type FakeSmtpServer = { port: number; received: ReceivedMail[]; close(): Promise<void> };

export async function startFakeSmtpServer(): Promise<FakeSmtpServer> {
	const received: ReceivedMail[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		converse(socket, (m) => received.push(m));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	};
}

function converse(socket: Socket, keep: (mail: ReceivedMail) => void): void {
	let user: string | null = null;
	let envelope: { from: string; to: string[] } = { from: '', to: [] };
	let data: string[] | null = null;
	let buffer = '';
	const reply = (line: string) => socket.write(`${line}\r\n`);
	reply('220 fake-smtp ESMTP');
	socket.on('data', (chunk) => {
		buffer += chunk.toString('utf8');
		let end;
		while ((end = buffer.indexOf('\r\n')) >= 0) {
			const line = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			if (data) {
				if (line === '.') {
					keep({ user, ...envelope, data: data.join('\r\n') });
					data = null;
					envelope = { from: '', to: [] };
					reply('250 queued');
				} else data.push(line.startsWith('..') ? line.slice(1) : line);
				continue;
			}
			const [verb = '', ...rest] = line.split(' ');
			const arg = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
					reply('250-fake-smtp');
					reply('250-AUTH PLAIN');
					reply('250 8BITMIME');
					break;
				case 'AUTH':
					user =
						Buffer.from(arg.split(' ')[1] ?? '', 'base64')
							.toString('utf8')
							.split('\0')[1] ?? null;
					reply('235 accepted');
					break;
				case 'MAIL':
					envelope.from = /<(.*)>/.exec(arg)?.[1] ?? '';
					reply('250 ok');
					break;
				case 'RCPT':
					envelope.to.push(/<(.*)>/.exec(arg)?.[1] ?? '');
					reply('250 ok');
					break;
				case 'DATA':
					data = [];
					reply('354 go ahead');
					break;
				case 'QUIT':
					reply('221 bye');
					socket.end();
					break;
				default:
					reply('250 ok');
			}
		}
	});
}

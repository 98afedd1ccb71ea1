// How the gateway hashes and checks passwords. The Node entry injects scrypt; another runtime may
// inject its own, which is why the app itself only knows this interface.

export type PasswordHasher = {
	hash(password: string): Promise<string>;
	verify(password: string, stored: string): Promise<boolean>;
};

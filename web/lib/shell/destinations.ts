// Where the shell's navigation leads for a given user: the sections they may open, which of them
// sit in the bar and which go under "More", and the section a path belongs to. Pure; the shell renders it.

export type IconName = 'quotes' | 'catalog' | 'companies' | 'whitespace' | 'procurement' | 'admin' | 'more';

export type Destination = { href: string; label: string; icon: IconName; prefix: string };

export type Access = {
	catalog: boolean;
	companies: boolean;
	whitespace: boolean;
	procurement: boolean;
	admin: boolean;
};

/** The bar holds at most this many slots; with more sections, the last slot becomes "More". */
export const BAR_SLOTS = 5;

export function destinationsFor(access: Access): Destination[] {
	const all: (Destination & { allowed: boolean })[] = [
		{ href: '/quotes', label: 'Quotes', icon: 'quotes', prefix: '/quotes', allowed: true },
		{ href: '/companies', label: 'Companies', icon: 'companies', prefix: '/companies', allowed: access.companies },
		{ href: '/catalog', label: 'Catalog', icon: 'catalog', prefix: '/catalog', allowed: access.catalog },
		{
			href: '/procurement',
			label: 'Procurement',
			icon: 'procurement',
			prefix: '/procurement',
			allowed: access.procurement
		},
		{ href: '/whitespace', label: 'Whitespace', icon: 'whitespace', prefix: '/whitespace', allowed: access.whitespace },
		{ href: '/admin/users', label: 'Admin', icon: 'admin', prefix: '/admin', allowed: access.admin }
	];
	return all.filter((d) => d.allowed).map(({ allowed: _allowed, ...d }) => d);
}

/** A bar with a single section leads nowhere else: a customer contact, whose only section is Quotes, gets none. */
export function needsNavigation(all: Destination[]): boolean {
	return all.length > 1;
}

/** Splits the sections into those shown in the bar and those under "More" (none when all fit). */
export function splitForBar(all: Destination[], slots = BAR_SLOTS): { bar: Destination[]; more: Destination[] } {
	if (all.length <= slots) return { bar: all, more: [] };
	return { bar: all.slice(0, slots - 1), more: all.slice(slots - 1) };
}

/** The section a path belongs to, or null (sign-in, invitations, an unknown path). */
export function currentDestination(pathname: string, all: Destination[]): Destination | null {
	return all.find((d) => pathname === d.prefix || pathname.startsWith(`${d.prefix}/`)) ?? null;
}

// Generic IT words that name the same kind of thing, for the catalog search: a product that says
// one of a group's words is found by any of them ("notebook" finds laptops, "firewall" finds a
// security appliance). Only words every MSP uses; a catalog's own words go in its categories'
// keywords.

export type SynonymGroup = {
	/** Words or phrases (folded: lower case, single spaces) for the same kind of product. */
	readonly words: readonly string[];
	/** Typed, these find the group too; a product saying them is not in it (a privacy screen is no monitor). */
	readonly typed?: readonly string[];
};

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
	{ words: ['laptop', 'notebook'] },
	{ words: ['desktop'], typed: ['pc'] },
	{ words: ['monitor'], typed: ['display', 'screen'] },
	{ words: ['firewall', 'utm', 'ngfw', 'security appliance'] },
	{ words: ['access point', 'wap'], typed: ['wifi'] },
	{ words: ['nas', 'network attached storage'] },
	{ words: ['ups', 'battery backup'] },
	{ words: ['dock', 'docking station'] },
	{ words: ['headset'], typed: ['headphones'] },
	{ words: ['webcam'], typed: ['camera'] },
	{ words: ['licence', 'license'] }
];

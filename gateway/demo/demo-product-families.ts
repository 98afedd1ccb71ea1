// The demo catalog's source tables: the categories and the product families (models times their
// variants) that demo-catalog.ts expands into about three hundred products. Data only.

import type { BillingCycle, Product } from '../../shared/schema/catalog-entities.ts';

/** [key, name, default markup %, Autotask billing code id, SKU prefix] */
export const CATEGORY_TABLE = [
	['laptops', 'Laptops', 18, '29682801', 'LAP'],
	['desktops', 'Desktops', 18, '29682802', 'DSK'],
	['monitors', 'Monitors', 22, '29682803', 'MON'],
	['servers', 'Servers & Storage', 15, '29682804', 'SRV'],
	['networking', 'Networking', 22, '29682805', 'NET'],
	['security', 'Security', 25, '29682806', 'SEC'],
	['licensing', 'Licensing', 12, '29682807', 'LIC'],
	['backup', 'Backup & Continuity', 25, '29682808', 'BCK'],
	['managed', 'Managed Services', 60, '29682809', 'MSV'],
	['services', 'Professional Services', 80, '29682810', 'PSV'],
	['accessories', 'Accessories', 35, '29682811', 'ACC'],
	['voice', 'Voice & Collaboration', 20, '29682812', 'VOC']
] as const;

export type CategoryKey = (typeof CATEGORY_TABLE)[number][0];

/** [model, MPN stem, cost in whole currency units, list price (omitted: cost plus markup, 0: priced by markup), retired?] */
export type Model = readonly [name: string, mpn: string, cost: number, price?: number, retired?: boolean];
/** [name suffix, MPN suffix, extra cost] */
export type Variant = readonly [suffix: string, mpn: string, extraCost: number];

export type Family = {
	category: CategoryKey;
	/** Prefixed to every model's name; also the SKU's brand code source. */
	brand: string;
	code: string;
	distributor: Product['distributor'];
	description: string;
	models: readonly Model[];
	variants?: readonly Variant[];
	billing?: BillingCycle;
	noProcurement?: boolean;
};

const LAPTOP_SPECS: readonly Variant[] = [
	['Core Ultra 5, 16 GB, 512 GB', '0001', 0],
	['Core Ultra 7, 32 GB, 1 TB', '0002', 420],
	['Core Ultra 7, 32 GB, 1 TB, 5G', '0003', 610]
];
const DESKTOP_SPECS: readonly Variant[] = [
	['Core i5, 16 GB, 512 GB', '01', 0],
	['Core i7, 32 GB, 1 TB', '02', 310],
	['Core i7, 64 GB, 2 TB', '03', 640]
];
/** Microsoft's two terms: month-to-month (about 20 % dearer, billed monthly) and annual, billed yearly. */
export const TERMS: readonly Variant[] = [
	['monthly term', '-M', 0],
	['annual term', '-A', 0]
];

export const FAMILIES: readonly Family[] = [
	{
		category: 'laptops',
		brand: 'Lenovo ThinkPad',
		code: 'LEN',
		distributor: 'ingram',
		description: 'Business laptop with 3-year on-site warranty.',
		models: [
			['T14 Gen 6', '21QC', 1_040],
			['T16 Gen 4', '21QE', 1_120],
			['X1 Carbon Gen 13', '21NS', 1_690],
			['E14 Gen 7', '21SX', 760],
			['L14 Gen 5', '21L1', 820, undefined, true]
		],
		variants: LAPTOP_SPECS
	},
	{
		category: 'laptops',
		brand: 'Dell',
		code: 'DEL',
		distributor: 'tdsynnex',
		description: 'Business laptop with 3-year ProSupport next-business-day service.',
		models: [
			['Latitude 5450', 'LAT5450-', 980],
			['Latitude 7450', 'LAT7450-', 1_390],
			['Latitude 9450 2-in-1', 'LAT9450-', 1_880],
			['Pro 14 Essential', 'PV14250-', 690]
		],
		variants: LAPTOP_SPECS
	},
	{
		category: 'laptops',
		brand: 'HP',
		code: 'HPI',
		distributor: 'ingram',
		description: 'Business laptop with 3-year HP Care Pack.',
		models: [
			['EliteBook 840 G11', 'A26S', 1_210],
			['EliteBook 860 G11', 'A26T', 1_290],
			['ProBook 440 G11', 'A23B', 740],
			['ZBook Firefly 14 G11', 'A3ZF', 1_640]
		],
		variants: LAPTOP_SPECS
	},
	{
		category: 'laptops',
		brand: 'Microsoft Surface',
		code: 'MSF',
		distributor: 'tdsynnex',
		description: 'Surface for Business with Windows 11 Pro.',
		models: [
			['Laptop 7 13.8"', 'ZGP', 1_150],
			['Pro 11 Business', 'ZIA', 1_240]
		],
		variants: LAPTOP_SPECS
	},
	{
		category: 'laptops',
		brand: 'Apple',
		code: 'APL',
		distributor: 'ingram',
		description: 'Apple laptop with AppleCare for Enterprise (3 years).',
		models: [
			['MacBook Air 13" M4, 16 GB, 512 GB', 'MW123', 1_190],
			['MacBook Air 15" M4, 24 GB, 512 GB', 'MW1L3', 1_520],
			['MacBook Pro 14" M4 Pro, 24 GB, 1 TB', 'MX2H3', 2_080],
			['MacBook Pro 16" M4 Max, 36 GB, 1 TB', 'MX2T3', 3_180]
		]
	},
	{
		category: 'desktops',
		brand: 'Lenovo',
		code: 'LEN',
		distributor: 'ingram',
		description: 'Business desktop with 3-year on-site warranty.',
		models: [
			['ThinkCentre M70q Gen 5 Tiny', '12LT', 620],
			['ThinkCentre M90q Gen 5 Tiny', '12LQ', 860],
			['ThinkCentre M70s Gen 5 SFF', '12U8', 650],
			['ThinkStation P3 Tower', '30GS', 1_390]
		],
		variants: DESKTOP_SPECS
	},
	{
		category: 'desktops',
		brand: 'Dell',
		code: 'DEL',
		distributor: 'tdsynnex',
		description: 'Business desktop with 3-year ProSupport.',
		models: [
			['OptiPlex Micro 7020', 'OPM7020-', 640],
			['OptiPlex Tower 7020', 'OPT7020-', 690],
			['Pro Max Tower T2', 'PMT2-', 1_450]
		],
		variants: DESKTOP_SPECS
	},
	{
		category: 'desktops',
		brand: 'HP',
		code: 'HPI',
		distributor: 'ingram',
		description: 'Business desktop with 3-year HP Care Pack.',
		models: [
			['Elite Mini 800 G9', '6B2A', 780],
			['Pro Tower 400 G9', '6U4M', 560]
		],
		variants: DESKTOP_SPECS
	},
	{
		category: 'desktops',
		brand: 'Apple',
		code: 'APL',
		distributor: 'ingram',
		description: 'Apple desktop with AppleCare for Enterprise (3 years).',
		models: [
			['Mac mini M4, 16 GB, 256 GB', 'MU9D3', 560],
			['Mac mini M4 Pro, 24 GB, 512 GB', 'MCX44', 1_230],
			['iMac 24" M4, 16 GB, 512 GB', 'MWUV3', 1_380]
		]
	},
	{
		category: 'monitors',
		brand: 'Dell',
		code: 'DEL',
		distributor: 'tdsynnex',
		description: 'Monitor with 3-year Advanced Exchange.',
		models: [
			['P2425H 24"', 'P2425H', 165],
			['P2725H 27"', 'P2725H', 215],
			['U2724D UltraSharp 27" QHD', 'U2724D', 365],
			['U3224KB UltraSharp 32" 6K', 'U3224KB', 1_780],
			['P3424WE 34" curved USB-C', 'P3424WE', 510],
			['P2422H 24"', 'P2422H', 150, undefined, true]
		]
	},
	{
		category: 'monitors',
		brand: 'Lenovo ThinkVision',
		code: 'LEN',
		distributor: 'ingram',
		description: 'Monitor with 3-year warranty.',
		models: [
			['T24i-30 24"', '63CF', 150],
			['T27h-30 27" QHD', '63A3', 255],
			['P27h-30 27" QHD USB-C', '63A1', 330],
			['P40w-20 40" 5K2K Thunderbolt', '62C1', 1_140]
		]
	},
	{
		category: 'monitors',
		brand: 'HP',
		code: 'HPI',
		distributor: 'ingram',
		description: 'Monitor with 3-year warranty.',
		models: [
			['E24 G5 24"', '6N6E9', 160],
			['E27 G5 27"', '6N4E2', 210],
			['E24m G5 24" conferencing', '40Z32', 290],
			['Z27k G3 27" 4K USB-C', '1B9T0', 540]
		]
	},
	{
		category: 'servers',
		brand: 'Dell PowerEdge',
		code: 'DEL',
		distributor: 'tdsynnex',
		description: 'Server with 3-year ProSupport 4-hour mission critical.',
		models: [
			['T160 tower', 'PET160-', 1_680],
			['T360 tower', 'PET360-', 3_250],
			['R660xs rack 1U', 'PER660XS-', 5_480],
			['R760 rack 2U', 'PER760-', 8_900]
		],
		variants: [
			['base', 'B', 0],
			['with 2 x 960 GB SSD', 'S', 690]
		]
	},
	{
		category: 'servers',
		brand: 'HPE ProLiant',
		code: 'HPE',
		distributor: 'ingram',
		description: 'Server with 3-year HPE Tech Care.',
		models: [
			['ML30 Gen11', 'P65093', 1_590],
			['DL360 Gen11', 'P51930', 6_120],
			['DL380 Gen11', 'P52534', 7_840]
		],
		variants: [
			['base', '-B21', 0],
			['with 2 x 960 GB SSD', '-S21', 710]
		]
	},
	{
		category: 'servers',
		brand: 'Synology',
		code: 'SYN',
		distributor: 'ingram',
		description: 'Network-attached storage, diskless.',
		models: [
			['DiskStation DS923+', 'DS923+', 560],
			['DiskStation DS1522+', 'DS1522+', 720],
			['RackStation RS1221+', 'RS1221+', 1_180],
			['RackStation RS2423+', 'RS2423+', 2_210]
		]
	},
	{
		category: 'servers',
		brand: 'Seagate IronWolf Pro',
		code: 'SEA',
		distributor: 'tdsynnex',
		description: 'NAS hard drive, 5-year warranty with data recovery.',
		models: [
			['8 TB', 'ST8000NT001', 170],
			['12 TB', 'ST12000NT001', 230],
			['16 TB', 'ST16000NT001', 290],
			['20 TB', 'ST20000NT001', 380]
		]
	},
	{
		category: 'networking',
		brand: 'Ubiquiti UniFi',
		code: 'UBQ',
		distributor: 'ingram',
		description: 'UniFi network device, managed from the MSP console.',
		models: [
			['U7 Pro access point', 'U7-PRO', 155],
			['U7 Pro Max access point', 'U7-PRO-MAX', 225],
			['U6 Enterprise access point', 'U6-ENTERPRISE', 215],
			['U7 Outdoor access point', 'U7-OUTDOOR', 175],
			['Switch Lite 8 PoE', 'USW-LITE-8-POE', 95],
			['Switch Pro 24 PoE', 'USW-PRO-24-POE', 640],
			['Switch Pro 48 PoE', 'USW-PRO-48-POE', 1_050],
			['Dream Machine Pro Max', 'UDM-PRO-MAX', 480],
			['Cloud Gateway Fiber', 'UCG-FIBER', 250],
			['U6 Lite access point', 'U6-LITE', 85, undefined, true]
		]
	},
	{
		category: 'networking',
		brand: 'Cisco Meraki',
		code: 'MRK',
		distributor: 'tdsynnex',
		description: 'Meraki device; needs a Meraki licence (see Licensing).',
		models: [
			['MR36 access point', 'MR36-HW', 520],
			['MR46 access point', 'MR46-HW', 840],
			['MR57 access point', 'MR57-HW', 1_190],
			['MS120-24P switch', 'MS120-24P-HW', 1_210],
			['MS130-48P switch', 'MS130-48P-HW', 2_860],
			['MX68 security appliance', 'MX68-HW', 690],
			['MX75 security appliance', 'MX75-HW', 1_480],
			['MX85 security appliance', 'MX85-HW', 2_290]
		]
	},
	{
		category: 'networking',
		brand: 'HPE Aruba Instant On',
		code: 'ARU',
		distributor: 'ingram',
		description: 'Aruba Instant On device with limited lifetime warranty.',
		models: [
			['AP22 access point', 'R4W02A', 140],
			['AP25 access point', 'R9B28A', 230],
			['1930 24G 4SFP+ PoE switch', 'JL683A', 520],
			['1960 48G 4XGT PoE switch', 'JL809A', 1_340]
		]
	},
	{
		category: 'networking',
		brand: 'Cisco',
		code: 'CSC',
		distributor: 'tdsynnex',
		description: 'Cisco Catalyst switch with Smart Net Total Care.',
		models: [
			['Catalyst 9200L-24P-4G', 'C9200L-24P-4G-E', 1_980],
			['Catalyst 9200L-48P-4G', 'C9200L-48P-4G-E', 3_520],
			['Catalyst 1300-24P-4X', 'C1300-24P-4X', 860]
		]
	},
	{
		category: 'security',
		brand: 'Fortinet FortiGate',
		code: 'FTN',
		distributor: 'ingram',
		description: 'Next-generation firewall appliance.',
		models: [
			['40F', 'FG-40F', 390],
			['60F', 'FG-60F', 560],
			['70G', 'FG-70G', 820],
			['90G', 'FG-90G', 1_340],
			['120G', 'FG-120G', 2_580],
			['100F', 'FG-100F', 2_190, undefined, true]
		]
	},
	{
		category: 'security',
		brand: 'FortiCare Premium',
		code: 'FTC',
		distributor: 'ingram',
		billing: 'yearly',
		description: 'FortiGate support and firmware, per year.',
		models: [
			['for FortiGate 40F, 1 year', 'FC-10-0040F-247-02-12', 95],
			['for FortiGate 60F, 1 year', 'FC-10-0060F-247-02-12', 140],
			['for FortiGate 70G, 1 year', 'FC-10-F70G0-247-02-12', 210],
			['for FortiGate 90G, 1 year', 'FC-10-F90G0-247-02-12', 330]
		]
	},
	{
		category: 'security',
		brand: 'SonicWall',
		code: 'SNW',
		distributor: 'tdsynnex',
		description: 'Firewall with 1-year Essential Protection Service Suite.',
		models: [
			['TZ270', '03-SSC-1348', 610],
			['TZ370', '03-SSC-1356', 890],
			['TZ470', '03-SSC-1364', 1_240],
			['NSa 2700', '02-SSC-8197', 3_210]
		]
	},
	{
		category: 'security',
		brand: 'Yubico YubiKey',
		code: 'YUB',
		distributor: 'ingram',
		description: 'Hardware security key for phishing-resistant MFA.',
		models: [
			['5 NFC', '5060408461426', 42],
			['5C NFC', '5060408464229', 47],
			['5Ci', '5060408462331', 62],
			['Bio Series FIDO Edition', '5060408465097', 78]
		]
	},
	{
		category: 'security',
		brand: '',
		code: 'SUB',
		distributor: 'tdsynnex',
		billing: 'monthly',
		description: 'Security subscription, per month.',
		models: [
			['SentinelOne Singularity Control, per endpoint', 'S1-CTRL', 3.5, 6.5],
			['SentinelOne Singularity Complete, per endpoint', 'S1-CMPL', 5.2, 8.9],
			['Huntress Managed EDR, per endpoint', 'HU-EDR', 3.25, 6],
			['Huntress ITDR for Microsoft 365, per user', 'HU-ITDR', 2.5, 4.5],
			['Proofpoint Essentials Business, per user', 'PP-ESS-BUS', 2.1, 3.75],
			['DNSFilter Pro, per user', 'DNSF-PRO', 1.15, 2.5],
			['Cisco Duo Essentials, per user', 'DUO-ESS', 4.5, 6.5],
			['Keeper Business, per user', 'KPR-BUS', 2.8, 4.25]
		]
	},
	{
		category: 'security',
		brand: '',
		code: 'SUB',
		distributor: null,
		billing: 'yearly',
		description: 'Security subscription, per year.',
		models: [
			['KnowBe4 Security Awareness Training Platinum, per user', 'KB4-KMSAT-P', 21, 36],
			['Blackpoint Cyber MDR core, per tenant', 'BPC-MDR', 1_080, 1_800]
		]
	},
	{
		category: 'licensing',
		brand: 'Microsoft',
		code: 'MSL',
		distributor: 'tdsynnex',
		billing: 'monthly',
		description: 'Microsoft cloud licence through CSP, per user.',
		models: [
			['365 Business Basic', 'CFQ7TTC0LH18', 6, 6.9],
			['365 Business Standard', 'CFQ7TTC0LDPB', 12.5, 14.4],
			['365 Business Premium', 'CFQ7TTC0LCHC', 22, 25.3],
			['365 Apps for business', 'CFQ7TTC0LH1G', 8.25, 9.5],
			['365 E3', 'CFQ7TTC0LFLX', 36, 41.4],
			['365 E5', 'CFQ7TTC0LFLZ', 57, 65.6],
			['365 F3', 'CFQ7TTC0LDPV', 8, 9.2],
			['Exchange Online Plan 1', 'CFQ7TTC0LH16', 4, 4.6],
			['Exchange Online Plan 2', 'CFQ7TTC0LH0H', 8, 9.2],
			['Teams Essentials', 'CFQ7TTC0QW5P', 4, 4.6],
			['Teams Phone Standard', 'CFQ7TTC0J1FV', 10, 11.5],
			['365 Copilot', 'CFQ7TTC0MM8R', 30, 34.5],
			['Defender for Business', 'CFQ7TTC0LCHT', 3, 3.45],
			['Intune Plan 1', 'CFQ7TTC0LCHK', 8, 9.2],
			['Entra ID P1', 'CFQ7TTC0LFLS', 6, 6.9],
			['Entra ID P2', 'CFQ7TTC0LFK5', 9, 10.35],
			['Visio Plan 2', 'CFQ7TTC0HD32', 15, 17.25],
			['Power BI Pro', 'CFQ7TTC0L3PB', 14, 16.1]
		],
		variants: TERMS
	},
	{
		category: 'licensing',
		brand: '',
		code: 'LIC',
		distributor: 'ingram',
		description: 'Perpetual licence.',
		models: [
			['Windows 11 Pro upgrade', 'FQC-10572', 180],
			['Windows Server 2025 Standard, 16 cores', 'P73-08678', 1_020],
			['Windows Server 2025 user CAL', 'R18-06748', 42],
			['Windows Server 2025 Datacenter, 16 cores', 'P71-09763', 5_880]
		]
	},
	{
		category: 'licensing',
		brand: '',
		code: 'SUB',
		distributor: 'ingram',
		billing: 'yearly',
		description: 'Annual subscription.',
		models: [
			['Adobe Acrobat Pro for teams, per user', '65324059BA01B12', 210, 239.88],
			['Adobe Creative Cloud All Apps for teams, per user', '65297757BA01B12', 860, 1_079.88],
			['Cisco Meraki MR Enterprise licence, 1 year', 'LIC-ENT-1YR', 120],
			['Cisco Meraki MS120-24P licence, 1 year', 'LIC-MS120-24P-1Y', 70],
			['Cisco Meraki MX68 Advanced Security licence, 1 year', 'LIC-MX68-SEC-1Y', 360],
			['Autodesk AutoCAD LT, per user', '057Q1-WW7407-L562', 470, 550]
		]
	},
	{
		category: 'backup',
		brand: 'Datto',
		code: 'DAT',
		distributor: null,
		description: 'Business continuity appliance.',
		models: [
			['SIRIS 4 Business 2 TB', 'S4B2', 1_980, 3_290],
			['SIRIS 4 Business 4 TB', 'S4B4', 2_860, 4_590],
			['SIRIS 4 Professional 8 TB', 'S4P8', 5_400, 8_290],
			['ALTO 4 1 TB', 'A4-1', 890, 1_490]
		]
	},
	{
		category: 'backup',
		brand: '',
		code: 'BSV',
		distributor: null,
		billing: 'monthly',
		description: 'Backup service, per month.',
		models: [
			['Datto cloud retention, infinite, per appliance', 'DTO-CLD-INF', 110, 189],
			['Datto SaaS Protection for Microsoft 365, per user', 'DTO-SAAS-365', 2.4, 4.5],
			['Acronis Cyber Protect Cloud, per workstation', 'ACR-CPC-WS', 2.9, 5.5],
			['Acronis Cyber Protect Cloud, per server', 'ACR-CPC-SRV', 14, 29],
			['Axcient x360Recover, per protected system', 'AXC-360R', 18, 35]
		]
	},
	{
		category: 'backup',
		brand: 'Veeam',
		code: 'VEM',
		distributor: 'tdsynnex',
		billing: 'yearly',
		description: 'Veeam subscription, per year.',
		models: [
			['Data Platform Foundation, per instance', 'V-FOUVUL-0I-SU1YP-00', 160, 215],
			['Backup for Microsoft 365, per user', 'V-VBO365-0U-SU1YP-00', 24, 36]
		]
	},
	{
		category: 'backup',
		brand: 'APC Smart-UPS',
		code: 'APC',
		distributor: 'ingram',
		description: 'Line-interactive UPS with network card slot.',
		models: [
			['1500 VA tower', 'SMT1500IC', 610],
			['1500 VA rack 2U', 'SMT1500RMI2UC', 760],
			['3000 VA rack 2U', 'SMT3000RMI2UC', 1_420]
		]
	},
	{
		category: 'managed',
		brand: 'Managed',
		code: 'MSV',
		distributor: null,
		billing: 'monthly',
		noProcurement: true,
		description: 'Northwind managed service, per month. Delivered by our team: nothing to order.',
		models: [
			['workstation, per device', '', 18, 45],
			['server, per server', '', 60, 150],
			['network device, per device', '', 8, 20],
			['firewall, per appliance', '', 25, 65],
			['Wi-Fi, per access point', '', 4, 10],
			['Microsoft 365 tenant, per user', '', 2, 6],
			['backup monitoring, per protected system', '', 6, 15]
		]
	},
	{
		category: 'managed',
		brand: 'Helpdesk',
		code: 'HDK',
		distributor: null,
		billing: 'monthly',
		noProcurement: true,
		description: 'Unlimited remote helpdesk, per user per month.',
		models: [
			['Essentials, business hours', '', 22, 55],
			['Pro, 7 am to 10 pm', '', 34, 85],
			['Premium, 24/7', '', 52, 125]
		]
	},
	{
		category: 'managed',
		brand: '',
		code: 'ADV',
		distributor: null,
		billing: 'monthly',
		noProcurement: true,
		description: 'Advisory retainer, per month.',
		models: [
			['Virtual CIO retainer', '', 600, 1_500],
			['Compliance management (HIPAA, SOC 2)', '', 480, 1_200]
		]
	},
	{
		category: 'services',
		brand: '',
		code: 'LAB',
		distributor: null,
		noProcurement: true,
		description: 'Professional services, one-time.',
		models: [
			['Remote support, per hour', '', 55, 145],
			['On-site engineer, per hour', '', 65, 165],
			['After-hours support, per hour', '', 85, 225],
			['Project engineer, per day', '', 480, 1_250],
			['Device deployment and imaging, per device', '', 35, 95],
			['Network cabling, per drop', '', 60, 140],
			['Firewall installation and configuration', '', 250, 650],
			['Microsoft 365 migration, per mailbox', '', 20, 55],
			['Server migration', '', 1_100, 2_900],
			['Site survey, Wi-Fi', '', 320, 850],
			['Security assessment', '', 900, 2_400],
			['Onboarding, new client', '', 600, 1_500],
			['Data recovery attempt', '', 150, 390]
		]
	},
	{
		category: 'accessories',
		brand: '',
		code: 'DCK',
		distributor: 'ingram',
		description: 'Docking station.',
		models: [
			['Lenovo ThinkPad Universal USB-C Dock', '40AY0090US', 170],
			['Lenovo ThinkPad Thunderbolt 4 Workstation Dock', '40B00300US', 290],
			['Dell Thunderbolt Dock WD22TB4', '210-BDTD', 250],
			['Dell Universal Dock UD22', '210-BEYY', 185],
			['HP USB-C Dock G5', '5TW10AA', 165],
			['HP Thunderbolt Dock G4 120 W', '4J0A2AA', 235]
		]
	},
	{
		category: 'accessories',
		brand: 'Logitech',
		code: 'LOG',
		distributor: 'tdsynnex',
		description: 'Logitech for Business peripheral.',
		models: [
			['MX Keys S for Business', '920-011568', 95],
			['MX Master 3S for Business', '910-006581', 85],
			['MK540 keyboard and mouse', '920-008673', 42],
			['Signature M650 mouse', '910-006272', 28],
			['Brio 4K webcam', '960-001105', 160],
			['C920s HD webcam', '960-001257', 62],
			['Zone Wireless 2 headset', '981-001311', 210]
		]
	},
	{
		category: 'accessories',
		brand: 'Jabra',
		code: 'JAB',
		distributor: 'ingram',
		description: 'Headset certified for Microsoft Teams.',
		models: [
			['Evolve2 40 SE USB-C stereo', '24189-999-899', 95],
			['Evolve2 65 Flex', '26699-999-899', 210],
			['Evolve2 85 USB-C', '28599-999-899', 330]
		]
	},
	{
		category: 'accessories',
		brand: '',
		code: 'CBL',
		distributor: 'tdsynnex',
		description: 'Cable or small part, priced by the category markup.',
		models: [
			['Cat6 patch cable, 1 m', 'C6-1M', 2.1, 0],
			['Cat6 patch cable, 3 m', 'C6-3M', 3.4, 0],
			['Cat6A patch cable, 5 m', 'C6A-5M', 6.2, 0],
			['HDMI 2.1 cable, 2 m', 'HDMI-2M', 7.5, 0],
			['USB-C to USB-C cable, 2 m', 'USBC-2M', 9.8, 0],
			['DisplayPort cable, 2 m', 'DP-2M', 8.4, 0],
			['Kensington slim combination lock', 'K60628WW', 24, 0],
			['65 W USB-C charger', 'CHG-65W', 32, 0]
		]
	},
	{
		category: 'accessories',
		brand: '',
		code: 'STO',
		distributor: 'ingram',
		description: 'Portable storage.',
		models: [
			['Samsung T7 portable SSD 1 TB', 'MU-PC1T0T', 88],
			['Samsung T7 Shield portable SSD 2 TB', 'MU-PE2T0S', 150],
			['Kingston IronKey Vault Privacy 50, 64 GB', 'IKVP50/64GB', 95]
		]
	},
	{
		category: 'voice',
		brand: 'Yealink',
		code: 'YEA',
		distributor: 'ingram',
		description: 'IP phone or meeting device certified for Microsoft Teams.',
		models: [
			['T54W desk phone', 'T54W', 155],
			['T57W desk phone', 'T57W', 205],
			['W76P DECT bundle', 'W76P', 165],
			['MeetingBar A20', 'A20-020', 1_190],
			['MeetingBar A30', 'A30-025', 1_780]
		]
	},
	{
		category: 'voice',
		brand: 'Logitech',
		code: 'LOG',
		distributor: 'tdsynnex',
		description: 'Video conferencing for meeting rooms.',
		models: [
			['Rally Bar Mini', '960-001336', 2_690],
			['Rally Bar', '960-001308', 3_650],
			['MeetUp 2', '960-001683', 1_010],
			['Tap IP touch controller', '952-000085', 760]
		]
	},
	{
		category: 'voice',
		brand: 'Poly',
		code: 'PLY',
		distributor: 'ingram',
		description: 'Desk phone.',
		models: [
			['Edge E220', '2200-86990-025', 165],
			['Edge E350', '2200-87020-025', 240]
		]
	},
	{
		category: 'voice',
		brand: '',
		code: 'VSV',
		distributor: null,
		billing: 'monthly',
		noProcurement: true,
		description: 'Hosted voice, per month.',
		models: [
			['Hosted PBX seat, per user', '', 8, 19],
			['SIP trunk channel', '', 6, 14],
			['Direct dial number (DID)', '', 0.6, 2],
			['Teams Rooms Pro, per room', '', 40, 49]
		]
	}
];

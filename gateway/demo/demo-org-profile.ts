// The demo MSP's letterhead: what its customers see at the top of every quote page and PDF.

import { ORG_PROFILE_ID, type OrgProfile } from '../../shared/schema/org-profile-entities.ts';
import { DEMO_ORG } from './demo-data.ts';

/** A 96 px PNG mark: a white N on blue, 540 bytes. */
const LOGO =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAYAAADimHc4AAAB40lEQVR42u3cS1LEMAyE4ew5A1fiiJyLi7CGYk8VJJbULelPlbdju79kZvyIryvoen37+HItn+8v4eVSXs5hVwGUo3QLXQGQhtE5fBVACEL34NUARxBTwm+JMC38VghTw2+DMB1AjbA+fFuETeFbImwEsBojbAWwGClvDt8CAQANAgBiBABcpq8JXYNA+A4IBK1FAECMAIAYIRXg5HJqU+ruiuw7ZxJABoItQBZCRDvWAGQgRLUBADFAFII9QDRCdP0rACIRMuoGQAxwgtAGIAohs97xABEI2XUCIAa4i9AO4BShqr7RACcIlXWNBngaTPUTB4AY4C+E1gBPwlH9/R0LcDcg5SAQADHAbwgjAO6E5LQ49FPGAPw3KAAA8AfIXEsG4EaHMxAAAKAPQAYCAA86HIkAQCFA1GetB4h8CgAo/v6O+E0BIBABAAB6A5wiACCc03HYGgkAANq5fQAMVrgAAGAOgOPOi3UAjvuPAACgfuQJgMH8OwAG078AALAbwPHdtHUAjm9oAgBAfYcBMOgwAADsBnA9vWsVgOPpXQAYtIlTE8UFAACWA3B+tDh8AAAAgDAA2A0Agjh8AAAAAARx+CAYhA+AAQAI4vBBMAgfBIPwgTAIHgST8MEwCB2UnLC/AYUJw4h2S7xiAAAAAElFTkSuQmCC';

export const DEMO_ORG_PROFILE: OrgProfile = {
	id: ORG_PROFILE_ID,
	name: DEMO_ORG.name,
	addressLines: ['400 Harbour Street, Suite 12', 'Seattle, WA 98101'],
	phone: '+1 206 555 0142',
	email: 'quotes@northwind.example',
	website: 'northwind.example',
	logo: LOGO,
	supportName: 'Northwind service desk',
	supportEmail: 'support@northwind.example',
	supportPhone: '+1 206 555 0199'
};
